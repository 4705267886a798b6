namespace Total.Grains.Abstractions.Access;

/// <summary>
/// A user's stored admin access: what a console session is checked against on every request. The revision
/// increases whenever admin access changes, so a session granted under an older revision is over.
/// </summary>
/// <param name="ExternalId">The Entra object id the access was decided for; a session for another oid is refused.</param>
/// <param name="GraphDenied">Microsoft Graph says the user is in no admin group in Entra, whatever SCIM says.</param>
[GenerateSerializer, Immutable, Alias("Total.UserAccess")]
public sealed record UserAccess(
    [property: Id(0)] bool Admin,
    [property: Id(1)] long Revision,
    [property: Id(2)] string? ExternalId,
    [property: Id(3)] bool GraphDenied,
    [property: Id(4)] DateTimeOffset? ChangedAt)
{
    public static readonly UserAccess None = new(false, 0, null, false, null);

    /// <summary>True when a session granted to <paramref name="oid"/> at <paramref name="revision"/> may go on.</summary>
    public bool Allows(string oid, long revision) =>
        Admin && Revision == revision && string.Equals(ExternalId, oid, StringComparison.OrdinalIgnoreCase);
}
