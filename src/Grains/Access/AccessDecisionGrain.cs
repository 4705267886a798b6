using Orleans.Concurrency;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Directory;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Grains.Access;

/// <inheritdoc cref="IAccessDecisionGrain"/>
/// <remarks>Finds the user an Entra <c>oid</c> belongs to; the user's access grain decides (and records, for a sign-in).</remarks>
[StatelessWorker]
public sealed class AccessDecisionGrain : Grain, IAccessDecisionGrain
{
    private static readonly AccessCause CheckedOnRequest = AccessCause.Scim("Provisioned data found changed when access was checked");

    public async Task<AccessDecision?> DecideAsync(string oid) =>
        await FindUserAsync(oid) is { } found ? found.Denied ?? await Access(found.UserId!).RecomputeAsync(CheckedOnRequest) : null;

    public async Task<AccessDecision?> PreviewAsync(string oid) =>
        await FindUserAsync(oid) is { } found ? found.Denied ?? await Access(found.UserId!).PreviewAsync() : null;

    public Task<AccessDecision?> PreviewForUserAsync(string userId) => Access(userId).PreviewAsync();

    /// <summary>The one user an <c>oid</c> names, or why nobody is; null when the tenant does not exist.</summary>
    private async Task<(string? UserId, AccessDecision? Denied)?> FindUserAsync(string oid)
    {
        var tenantId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ITenantGrain>(tenantId).GetAsync() is null)
        {
            return null;
        }

        var users = await GrainFactory.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.User)).FindByExternalIdAsync(oid, max: 2);
        if (users.Count == 0)
        {
            return (null, Deny($"No provisioned user has externalId {oid}. Check that the user (or a group they are in) is assigned to the TOTAL app in Entra, and that the mapping externalId ← objectId is set."));
        }

        if (users.Count > 1)
        {
            return (null, Deny($"Several provisioned users share externalId {oid}; externalId must be the Entra object id (mapping externalId ← objectId)."));
        }

        return ((string)ScimJson.Read(users[0])["id"]!, null);
    }

    private IUserAccessGrain Access(string userId) => GrainFactory.GetGrain<IUserAccessGrain>(ScimKeys.Resource(this.GetPrimaryKeyString(), userId));

    private static AccessDecision Deny(string reason) => new(false, false, false, null, [reason]);
}
