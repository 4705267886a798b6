using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Access;
using Total.Grains.Directory.Storage;
using Total.Scim;
using Total.Scim.Errors;
using Total.Scim.Json;
using Total.Scim.Patch;
using Total.Scim.Schema;

namespace Total.Grains.Directory;

/// <inheritdoc cref="IScimGroupGrain"/>
/// <remarks>
/// The stored group never contains <c>members</c>: they are rows of <see cref="IGroupMemberStore"/>, changed by
/// delta, and written with the group's next version (a membership change is a change of the group, so a stale
/// <c>If-Match</c> is 412 after it). A PATCH is planned in full (and every member id checked) before anything is
/// written, so a request that fails changes nothing.
/// </remarks>
// Entra touches a resource about once per 40-minute cycle: an idle one is cheaper reloaded than kept.
[CollectionAgeLimit(Minutes = 2)]
public sealed class ScimGroupGrain(IScimResourceStore store, IGroupMemberStore members, TimeProvider time, IOptions<ScimLimitsOptions> limits) : Grain, IScimGroupGrain
{
    private static readonly ScimResourceSchema Schema = ScimResourceSchema.Group;
    private string _tenantId = "";
    private string _id = "";
    private ScimResourceLifecycle _lifecycle = null!;
    private StoredResource? _row;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _id) = ScimKeys.Parse(this.GetPrimaryKeyString());
        _lifecycle = new ScimResourceLifecycle(_tenantId, ScimResourceType.Group, store, members, GrainFactory, limits.Value.MaxStringLength, DeactivateOnIdle);
        _row = await store.GetAsync(_tenantId, ScimResourceType.Group, _id, cancellationToken);
    }

    public async Task<ScimOutcome> CreateAsync(string resource, string? request = null)
    {
        if (_row is not null)
        {
            return ScimOutcomes.Conflict($"Group '{_id}' already exists.");
        }

        try
        {
            var (group, memberIds) = Split(ScimRequestJson.ParseValidatedObject(resource, limits.Value.MaxJsonDepth));
            await RequireMembersExistAsync(memberIds);
            var (row, refused) = await _lifecycle.CreateAsync(_id, group, time.GetUtcNow());
            if (refused is not null)
            {
                DeactivateOnIdle();
                return refused;
            }

            _row = row;
            var added = await members.AddAsync(_tenantId, _id, memberIds);
            if (added.Count > 0 && AccessChanges.OfGroupCreate(IsAdminGroup(await AdminGroupsAsync(), group)) == GroupWriteImpact.EveryMember)
            {
                await RecomputeAccessAsync(added, $"admin group '{DisplayNameOf(group)}' created with {added.Count} member(s)", request);
            }

            return ScimOutcome.Created(await RenderAsync(includeMembers: true));
        }
        catch (ScimException exception)
        {
            DeactivateOnIdle();
            return ScimOutcomes.From(exception);
        }
    }

    public async Task<ScimOutcome> GetAsync(bool includeMembers) =>
        _row is null ? NotFound() : ScimOutcome.Ok(await RenderAsync(includeMembers));

    public async Task<ScimOutcome> ReplaceAsync(string resource, string? ifMatch, bool returnMembers, string? request = null)
    {
        if (_row is null)
        {
            return NotFound();
        }

        try
        {
            ScimRequests.RequireVersion(ifMatch, _row.Version, $"Group '{_id}'");
            var current = Resource;
            var (group, memberIds) = Split(ScimRequestJson.ParseValidatedObject(resource, limits.Value.MaxJsonDepth), current);
            await RequireMembersExistAsync(memberIds);
            var adminGroups = await AdminGroupsAsync();
            var wasAdmin = IsAdminGroup(adminGroups, current);
            var change = await PlanMembersAsync([new ReplaceMembers(memberIds)]);
            if (await SaveAsync(current, group, change) is { } refused)
            {
                return refused;
            }

            await RecomputeAccessAsync(adminGroups, wasAdmin, group, change, "replaced (PUT)", request);
            return ScimOutcome.Ok(await RenderAsync(returnMembers));
        }
        catch (ScimException exception)
        {
            return ScimOutcomes.From(exception);
        }
    }

    public async Task<ScimOutcome> PatchAsync(string patchRequest, string? ifMatch, bool returnMembers, string? request = null)
    {
        if (_row is null)
        {
            return NotFound();
        }

        try
        {
            ScimRequests.RequireVersion(ifMatch, _row.Version, $"Group '{_id}'");
            var operations = ScimPatch.ParseRequest(ScimRequestJson.ParseValidatedObject(patchRequest, limits.Value.MaxJsonDepth), limits.Value.Patch);
            var current = Resource;
            var plan = ScimPatch.PlanGroupPatch(current, operations);
            await RequireMembersExistAsync(plan.MemberOperations.SelectMany(Added).ToList());
            var adminGroups = await AdminGroupsAsync();
            var wasAdmin = IsAdminGroup(adminGroups, current);
            var change = await PlanMembersAsync(plan.MemberOperations);
            if (await SaveAsync(current, plan.Group, change) is { } refused)
            {
                return refused;
            }

            await RecomputeAccessAsync(adminGroups, wasAdmin, plan.Group, change, "patched", request);

            // Entra expects 204 for group PATCHes; the full member list of a big group is never worth sending back.
            return returnMembers ? ScimOutcome.Ok(await RenderAsync(includeMembers: true)) : ScimOutcome.NoContent;
        }
        catch (ScimException exception)
        {
            return ScimOutcomes.From(exception);
        }
    }

    public async Task<ScimOutcome> DeleteAsync(string? ifMatch, string? request = null)
    {
        if (_row is null)
        {
            return NotFound();
        }

        try
        {
            ScimRequests.RequireVersion(ifMatch, _row.Version, $"Group '{_id}'");
        }
        catch (ScimException exception)
        {
            return ScimOutcomes.From(exception);
        }

        // An admin group's members lose what it gave them before the DELETE is acknowledged.
        var current = Resource;
        var wasAdmin = IsAdminGroup(await AdminGroupsAsync(), current);
        var name = DisplayNameOf(current);
        var formerMembers = AccessChanges.OfGroupDelete(wasAdmin) == GroupWriteImpact.EveryMember ? await members.ListAsync(_tenantId, _id) : [];
        await _lifecycle.DeleteAsync(_row);
        _row = null;
        DeactivateOnIdle();
        await RecomputeAccessAsync(formerMembers, $"admin group '{name}' deleted", request);
        return ScimOutcome.NoContent;
    }

    public Task<bool> HasMemberAsync(string memberId) =>
        _row is null ? Task.FromResult(false) : members.ContainsAsync(_tenantId, _id, memberId);

    public Task<long> CountMembersAsync() =>
        _row is null ? Task.FromResult(0L) : members.CountAsync(_tenantId, _id);

    public Task<IReadOnlyList<string>> ListMembersAsync(int skip, int take) =>
        _row is null ? Task.FromResult<IReadOnlyList<string>>([]) : members.ListPageAsync(_tenantId, _id, skip, Math.Min(take, 1000));

    /// <summary>The normalised group without members, and the member ids the body listed.</summary>
    private static (JsonObject Group, IReadOnlyList<string> MemberIds) Split(JsonObject body, JsonObject? existing = null)
    {
        var (withoutMembers, memberIds) = GroupMemberList.Split(body);
        var group = ScimResourceNormalizer.Normalize(withoutMembers, Schema, existing);
        ScimResourceNormalizer.Validate(group, Schema);
        return (group, memberIds);
    }

    /// <summary>Members must be users or groups of this tenant: another tenant's id is as unknown as a made-up one.</summary>
    private async Task RequireMembersExistAsync(IReadOnlyList<string> memberIds)
    {
        if (memberIds.Count == 0)
        {
            return;
        }

        if (memberIds.Contains(_id))
        {
            throw ScimException.InvalidValue($"Group '{_id}' cannot be a member of itself.");
        }

        var existing = await store.ExistingIdsAsync(_tenantId, memberIds);
        var missing = memberIds.Where(id => !existing.Contains(id)).Take(5).ToList();
        if (missing.Count > 0)
        {
            throw ScimException.InvalidValue($"members: {string.Join(", ", missing.Select(id => $"'{Shortened(id)}'"))} is not a user or group of this tenant; provision it first.");
        }
    }

    /// <summary>An id as echoed in an error: a made-up one may be as long as the body.</summary>
    private static string Shortened(string id) => id.Length <= 128 ? id : id[..128] + "…";

    /// <summary>
    /// Writes a changed group, or changed members, as the next version (an unchanged one writes nothing); null when
    /// done, else why not.
    /// </summary>
    private async Task<ScimOutcome?> SaveAsync(JsonObject current, JsonObject next, MemberChange members)
    {
        (_row, var refused) = await _lifecycle.SaveAsync(_row!, current, next, time.GetUtcNow(), members);
        return refused;
    }

    /// <summary>Who joins and who leaves, read from the membership of only the ids the operations name (all members for a replace).</summary>
    private async Task<MemberChange> PlanMembersAsync(IReadOnlyList<MemberOperation> operations)
    {
        if (operations.Count == 0)
        {
            return MemberChange.None;
        }

        var ids = MemberChange.IdsToLookUp(operations);
        var current = ids is null ? await members.ListAsync(_tenantId, _id) : await members.MembersAmongAsync(_tenantId, _id, ids);
        return MemberChange.Of(operations, current.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>After a write, recomputes the access of whoever it can have changed (<see cref="AccessChanges.OfGroupWrite"/>).</summary>
    /// <param name="adminGroups">The tenant's admin groups, read once for the request.</param>
    /// <param name="wasAdmin">Whether the group was an admin group before the write.</param>
    /// <param name="group">The group as written now.</param>
    /// <param name="change">Who joined and who left.</param>
    /// <param name="how">What the request did, for the access log.</param>
    /// <param name="request">The SCIM call, for the access log.</param>
    private async Task RecomputeAccessAsync(IReadOnlyList<string> adminGroups, bool wasAdmin, JsonObject group, MemberChange change, string how, string? request)
    {
        var isAdmin = IsAdminGroup(adminGroups, group);
        var impact = AccessChanges.OfGroupWrite(wasAdmin, isAdmin, membersChanged: !change.IsEmpty);
        if (impact == GroupWriteImpact.Nobody)
        {
            return;
        }

        var changed = change.Added.Concat(change.Removed).ToHashSet(StringComparer.Ordinal);
        var name = DisplayNameOf(group);
        if (impact == GroupWriteImpact.EveryMember)
        {
            changed.UnionWith(await members.ListAsync(_tenantId, _id));
            await RecomputeAccessAsync(changed, isAdmin ? $"group '{name}' {how}: it is now an admin group" : $"group '{name}' {how}: it is no longer an admin group", request);
        }
        else
        {
            await RecomputeAccessAsync(changed, $"admin group '{name}' {how}: {changed.Count} member(s) added or removed", request);
        }
    }

    private Task RecomputeAccessAsync(IEnumerable<string> userIds, string what, string? request) =>
        AccessFanOut.RecomputeAsync(GrainFactory, _tenantId, userIds, AccessCause.Scim($"SCIM: {what}", request));

    /// <summary>The tenant's admin groups, asked once per request (a request's before and after use the same).</summary>
    private async Task<IReadOnlyList<string>> AdminGroupsAsync() =>
        (await GrainFactory.GetGrain<ITenantGrain>(_tenantId).GetAsync())?.AdminGroups ?? [];

    // No admin groups: nothing to match, so the group's names are not even read.
    private bool IsAdminGroup(IReadOnlyList<string> adminGroups, JsonObject group) =>
        adminGroups.Count > 0 && AccessChanges.IsAdminGroup(adminGroups, DisplayNameOf(group), (string?)group["externalId"]);

    private string DisplayNameOf(JsonObject group) => (string?)group["displayName"] ?? _row!.UniqueKey;

    private static IEnumerable<string> Added(MemberOperation operation) => operation switch
    {
        AddMembers add => add.MemberIds,
        ReplaceMembers replace => replace.MemberIds,
        _ => [],
    };

    private async Task<string> RenderAsync(bool includeMembers)
    {
        if (!includeMembers)
        {
            return _row!.Body;
        }

        var rendered = Resource;
        var list = new JsonArray();
        foreach (var memberId in await members.ListAsync(_tenantId, _id))
        {
            list.Add(new JsonObject { ["value"] = memberId });
        }

        // Keep meta last, as stored.
        var meta = rendered["meta"]!.DeepClone();
        rendered.Remove("meta");
        rendered["members"] = list;
        rendered["meta"] = meta;
        return ScimJson.Write(rendered);
    }

    /// <summary>The stored resource, parsed on demand: an idle grain keeps only its row's text, not a JSON tree.</summary>
    private JsonObject Resource => ScimJson.Read(_row!.Body);

    /// <summary>An unknown id (a typo, a deleted group, a probe) must not keep an empty activation for the collection age.</summary>
    private ScimOutcome NotFound()
    {
        DeactivateOnIdle();
        return ScimOutcome.NotFound("Group", _id);
    }
}
