using Microsoft.Extensions.Options;

namespace Total.Api.Scim;

/// <summary>Checks <see cref="ScimOptions"/>' ranges at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class ScimOptionsValidator : IValidateOptions<ScimOptions>;
