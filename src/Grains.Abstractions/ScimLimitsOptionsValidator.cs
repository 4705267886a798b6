using Microsoft.Extensions.Options;
using Total.Scim;

namespace Total.Grains.Abstractions;

/// <summary>
/// Checks <see cref="ScimLimitsOptions"/>' ranges at start, generated from its annotations. It lives here, not beside
/// the options in the SCIM core, which stays free of hosting packages.
/// </summary>
[OptionsValidator]
public sealed partial class ScimLimitsOptionsValidator : IValidateOptions<ScimLimitsOptions>;
