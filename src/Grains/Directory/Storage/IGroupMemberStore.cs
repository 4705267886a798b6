namespace Total.Grains.Directory.Storage;

/// <summary>
/// Group membership rows: one per (group, member), so a change costs the same for any group size. A change of an
/// existing group's members is written with the group's next version (<see cref="IScimResourceStore.UpdateAsync"/>).
/// </summary>
public interface IGroupMemberStore
{
    /// <summary>Adds members; returns the ids that were not members before.</summary>
    Task<IReadOnlyList<string>> AddAsync(string tenantId, string groupId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="memberIds"/> are members: what a PATCH needs to know without reading the whole list.</summary>
    Task<IReadOnlyList<string>> MembersAmongAsync(string tenantId, string groupId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListAsync(string tenantId, string groupId, CancellationToken cancellationToken = default);

    /// <summary>One page of members in id order.</summary>
    Task<IReadOnlyList<string>> ListPageAsync(string tenantId, string groupId, int skip, int take, CancellationToken cancellationToken = default);

    Task<bool> ContainsAsync(string tenantId, string groupId, string memberId, CancellationToken cancellationToken = default);

    Task<long> CountAsync(string tenantId, string groupId, CancellationToken cancellationToken = default);

    /// <summary>Takes a deleted resource out of every group; returns the groups it was in.</summary>
    Task<IReadOnlyList<string>> RemoveFromAllGroupsAsync(string tenantId, string memberId, CancellationToken cancellationToken = default);

    /// <summary>The groups <paramref name="memberId"/> belongs to.</summary>
    Task<IReadOnlyList<string>> GroupsOfAsync(string tenantId, string memberId, CancellationToken cancellationToken = default);
}
