using System.Text.Json.Nodes;
using Orleans.Concurrency;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Directory;
using Total.Grains.Directory.Storage;

namespace Total.Grains.Access;

/// <inheritdoc cref="IAccessDecisionGrain"/>
[StatelessWorker]
public sealed class AccessDecisionGrain(IGroupMemberStore members) : Grain, IAccessDecisionGrain
{
    public async Task<AccessDecision?> DecideAsync(string oid)
    {
        var tenantId = this.GetPrimaryKeyString();
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetAsync();
        if (tenant is null)
        {
            return null;
        }

        var page = await GrainFactory.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, "User"))
            .QueryAsync(new DirectoryQuery($"externalId eq {JsonValue.Create(oid).ToJsonString()}", null, false, 1, 2));
        if (page.TotalResults == 0)
        {
            return Deny(null, $"No provisioned user has externalId {oid}. Check that the user (or a group they are in) is assigned to the TOTAL app in Entra, and that the mapping externalId ← objectId is set.");
        }

        if (page.TotalResults > 1)
        {
            return Deny(null, $"{page.TotalResults} provisioned users share externalId {oid}; externalId must be the Entra object id (mapping externalId ← objectId).");
        }

        return await DecideAsync(tenant, ScimJson.Read(page.Resources[0]));
    }

    public async Task<AccessDecision?> DecideForUserAsync(string userId)
    {
        var tenantId = this.GetPrimaryKeyString();
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetAsync();
        var outcome = tenant is null ? null : await GrainFactory.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenantId, userId)).GetAsync();
        return outcome?.Resource is { } resource ? await DecideAsync(tenant!, ScimJson.Read(resource)) : null;
    }

    private async Task<AccessDecision> DecideAsync(TenantDetails tenant, JsonObject user)
    {
        var tenantId = tenant.TenantId;
        var userId = (string)user["id"]!;
        var active = AccessRules.IsActive(user);
        var groups = new List<AccessRules.MemberGroup>();
        foreach (var groupId in await members.GroupsOfAsync(tenantId, userId))
        {
            var outcome = await GrainFactory.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenantId, groupId)).GetAsync(includeMembers: false);
            if (outcome.Resource is { } resource)
            {
                var group = ScimJson.Read(resource);
                groups.Add(new AccessRules.MemberGroup(groupId, (string?)group["displayName"] ?? "", (string?)group["externalId"]));
            }
        }

        return AccessRules.Decide(userId, active, groups, tenant.AdminGroups, tenant.MonitoredGroups, monitorUsersOutsideGroups: true);
    }

    private static AccessDecision Deny(string? userId, string reason) => new(false, false, false, userId, [reason]);
}
