namespace Total.Grains.Graph;

/// <summary>
/// What one read of the admin groups returned. After a full snapshot, <see cref="Added"/> holds every member of
/// every group that exists (an empty set for an existing group with no members) and <see cref="Removed"/> is
/// empty. After a delta read, both hold only the changes since the previous delta link.
/// </summary>
/// <param name="IsFullSnapshot">True when every member was read (first read, or the delta link had expired).</param>
/// <param name="Added">Group object id → member object ids added (or, in a snapshot, all members).</param>
/// <param name="Removed">Group object id → member object ids removed since the previous read.</param>
/// <param name="DeletedGroups">Groups Graph reported as deleted (delta) or not found (snapshot).</param>
/// <param name="DeltaLink">The link to pass to the next read.</param>
/// <param name="Requests">HTTP requests made, retries included.</param>
/// <param name="ThrottledResponses">429 responses received (each honoured by waiting its Retry-After).</param>
/// <param name="DeltaExpired">True when the previous delta link was refused as expired and a full read was done.</param>
public sealed record GroupMembershipRead(
    bool IsFullSnapshot,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Added,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Removed,
    IReadOnlySet<string> DeletedGroups,
    string DeltaLink,
    int Requests,
    int ThrottledResponses,
    bool DeltaExpired);
