namespace Total.Grains.Abstractions.Directory;

/// <summary>
/// One provisioned group of one tenant. Keyed <c>{tenantId}/{groupId}</c>. Members live in their own rows,
/// so membership changes cost the same for any group size and reads of the group never load them unless asked.
/// </summary>
[Alias("Total.ScimGroup")]
public interface IScimGroupGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<ScimOutcome> CreateAsync(string resource);

    /// <summary>The group; with <paramref name="includeMembers"/> its <c>members</c> too (Entra never asks for them).</summary>
    [Alias("Get"), ReadOnly]
    Task<ScimOutcome> GetAsync(bool includeMembers);

    [Alias("Replace")]
    Task<ScimOutcome> ReplaceAsync(string resource, string? ifMatch, bool returnMembers);

    [Alias("Patch")]
    Task<ScimOutcome> PatchAsync(string patchRequest, string? ifMatch, bool returnMembers);

    [Alias("Delete")]
    Task<ScimOutcome> DeleteAsync(string? ifMatch);

    [Alias("HasMember"), ReadOnly]
    Task<bool> HasMemberAsync(string memberId);

    /// <summary>How many members the group has (0 when it does not exist).</summary>
    [Alias("CountMembers"), ReadOnly]
    Task<long> CountMembersAsync();

    /// <summary>One page of member ids, in id order.</summary>
    [Alias("ListMembers"), ReadOnly]
    Task<IReadOnlyList<string>> ListMembersAsync(int skip, int take);
}
