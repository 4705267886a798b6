namespace Total.Grains.Abstractions.Directory;

/// <summary>
/// One provisioned group of one tenant. Keyed <c>{tenantId}/{groupId}</c>. Members live in their own rows,
/// so membership changes cost the same for any group size and reads of the group never load them unless asked.
/// </summary>
[Alias("Total.ScimGroup")]
public interface IScimGroupGrain : IGrainWithStringKey
{
    /// <param name="request">The SCIM call, as the access log names what it changes (e.g. <c>PATCH /scim/v2/acme/Users/42, request 4bf9…</c>).</param>
    [Alias("Create")]
    Task<ScimOutcome> CreateAsync(string resource, string? request = null);

    /// <summary>The group; with <paramref name="includeMembers"/> its <c>members</c> too (Entra never asks for them).</summary>
    [Alias("Get"), ReadOnly]
    Task<ScimOutcome> GetAsync(bool includeMembers);

    /// <param name="request">The SCIM call, as the access log names what it changes.</param>
    [Alias("Replace")]
    Task<ScimOutcome> ReplaceAsync(string resource, string? ifMatch, bool returnMembers, string? request = null);

    /// <param name="request">The SCIM call, as the access log names what it changes.</param>
    [Alias("Patch")]
    Task<ScimOutcome> PatchAsync(string patchRequest, string? ifMatch, bool returnMembers, string? request = null);

    /// <param name="request">The SCIM call, as the access log names what it changes.</param>
    [Alias("Delete")]
    Task<ScimOutcome> DeleteAsync(string? ifMatch, string? request = null);

    [Alias("HasMember"), ReadOnly]
    Task<bool> HasMemberAsync(string memberId);

    /// <summary>How many members the group has (0 when it does not exist).</summary>
    [Alias("CountMembers"), ReadOnly]
    Task<long> CountMembersAsync();

    /// <summary>One page of member ids, in id order.</summary>
    [Alias("ListMembers"), ReadOnly]
    Task<IReadOnlyList<string>> ListMembersAsync(int skip, int take);
}
