namespace Total.Grains.Abstractions.Tenants;

/// <summary>A freshly issued SCIM token, shown once, and until when the previous one still works.</summary>
[GenerateSerializer, Immutable, Alias("Total.ScimTokenIssue")]
public sealed record ScimTokenIssue(
    [property: Id(0)] string ScimToken,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] DateTimeOffset? PreviousTokenValidUntil);
