namespace Total.Grains.Abstractions.Tenants;

/// <summary>A freshly issued SCIM token, shown once, and until when the earlier ones still work.</summary>
/// <param name="PreviousTokenValidUntil">The end of the overlap of the token this rotation retired; null when it stopped at once.</param>
/// <param name="EarlierTokens">Every earlier token still working, each until its own overlap ends.</param>
[GenerateSerializer, Immutable, Alias("Total.ScimTokenIssue")]
public sealed record ScimTokenIssue(
    [property: Id(0)] string ScimToken,
    [property: Id(1)] DateTimeOffset IssuedAt,
    [property: Id(2)] DateTimeOffset? PreviousTokenValidUntil,
    [property: Id(3)] IReadOnlyList<ScimTokenOverlap>? EarlierTokens = null)
{
    /// <summary>Keeps the token out of logs and debugger views.</summary>
    public override string ToString() => $"ScimTokenIssue {{ IssuedAt = {IssuedAt:u}, PreviousTokenValidUntil = {PreviousTokenValidUntil:u} }}";
}
