using Microsoft.Extensions.Options;

namespace Total.Api.Scim.RateLimiting;

/// <summary>Checks <see cref="ScimRateLimitOptions"/>' ranges at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class ScimRateLimitOptionsValidator : IValidateOptions<ScimRateLimitOptions>;
