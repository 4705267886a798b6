namespace Total.Grains.Tenants;

/// <summary>One SCIM bearer token of a tenant as stored: only its SHA-256 hash, never the token.</summary>
/// <param name="IssuedAt">When it was issued; null for an earlier token migrated from state that did not record it.</param>
/// <param name="ValidUntil">Null for the current token; once a rotation retired it, the end of its own overlap.</param>
[GenerateSerializer, Immutable, Alias("Total.StoredScimToken")]
public sealed record StoredScimToken(
    [property: Id(0)] byte[] Hash,
    [property: Id(1)] DateTimeOffset? IssuedAt,
    [property: Id(2)] DateTimeOffset? ValidUntil = null)
{
    public bool IsCurrent => ValidUntil is null;

    public bool IsLiveAt(DateTimeOffset now) => ValidUntil is not { } until || until > now;
}
