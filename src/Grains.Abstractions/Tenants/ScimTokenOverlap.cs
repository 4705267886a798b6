namespace Total.Grains.Abstractions.Tenants;

/// <summary>An earlier SCIM token that still works, until the end of its own overlap; never the token or its hash.</summary>
/// <param name="IssuedAt">When it was issued; null when that was never recorded (tokens from before multiple overlaps).</param>
[GenerateSerializer, Immutable, Alias("Total.ScimTokenOverlap")]
public sealed record ScimTokenOverlap(
    [property: Id(0)] DateTimeOffset? IssuedAt,
    [property: Id(1)] DateTimeOffset ValidUntil);
