using Microsoft.Extensions.Logging;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Access.Storage;
using Total.Grains.Directory;
using Total.Grains.Directory.Storage;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Grains.Access;

/// <inheritdoc cref="IUserAccessGrain"/>
/// <remarks>
/// Reads the user, their groups and the tenant's settings from storage and the tenant grain, never from the
/// user or group grains: those are the ones calling in (a group PATCH waits for its members' recompute).
/// </remarks>
[CollectionAgeLimit(Minutes = 10)]
public sealed class UserAccessGrain(
    IAccessStore store,
    IScimResourceStore resources,
    IGroupMemberStore members,
    AccessMetrics metrics,
    TimeProvider time,
    ILogger<UserAccessGrain> logger) : Grain, IUserAccessGrain
{
    private string _tenantId = "";
    private string _userId = "";
    private UserAccess _access = UserAccess.None;

    // Whether the store holds a row for this user: ids that were never admins (most members, nested groups in a
    // fan-out) must not cost a DELETE each.
    private bool _stored;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _userId) = ScimKeys.Parse(this.GetPrimaryKeyString());
        var stored = await store.GetAsync(_tenantId, _userId, cancellationToken);
        _stored = stored is not null;
        _access = stored ?? UserAccess.None;
    }

    public Task<AccessDecision?> RecomputeAsync(AccessCause cause) => RecomputeAndRecordAsync(_access.GraphDenied, cause);

    public async Task<AccessDecision?> PreviewAsync()
    {
        var (_, _, decision) = await ComputeAsync(_access.GraphDenied);
        LeaveUnlessAdmin();
        return decision is null ? null : decision with { Revision = _access.Revision };
    }

    public Task<UserAccess> GetAsync() => Task.FromResult(_access);

    public Task<AccessDecision?> SetGraphDeniedAsync(bool denied, AccessCause cause) => RecomputeAndRecordAsync(denied, cause);

    /// <summary>The user's row and resource as provisioned, and what the rules decide from them; nothing is stored.</summary>
    private async Task<(StoredResource? Row, System.Text.Json.Nodes.JsonObject? User, AccessDecision? Decision)> ComputeAsync(bool graphDenied)
    {
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(_tenantId).GetAsync();
        var row = tenant is null ? null : await resources.GetAsync(_tenantId, ScimResourceType.User, _userId);
        var user = row is null ? null : ScimJson.Read(row.Body);
        return (row, user, user is null ? null : await DecideAsync(tenant!, user, graphDenied));
    }

    private async Task<AccessDecision?> RecomputeAndRecordAsync(bool graphDenied, AccessCause cause)
    {
        var (row, user, decision) = await ComputeAsync(graphDenied);

        var now = time.GetUtcNow();
        var admin = decision?.Admin ?? false;
        var externalId = row?.ExternalId;
        var userName = (string?)user?["userName"];
        var next = _access with { GraphDenied = graphDenied && row is not null };
        var changes = new List<AccessEvent>(2);
        var (revokes, grants) = AccessChanges.OfRecompute(_access, admin, externalId);
        if (revokes)
        {
            next = next with { Admin = false, Revision = next.Revision + 1, ChangedAt = now };
            changes.Add(Event(AccessEventKind.Revoked, _access.ExternalId, userName, next.Revision, cause, now));
        }

        if (grants)
        {
            next = next with { Admin = true, ExternalId = externalId, Revision = next.Revision + 1, ChangedAt = now };
            changes.Add(Event(AccessEventKind.Granted, externalId, userName, next.Revision, cause, now));
        }

        if (next != _access)
        {
            await store.SaveAsync(_tenantId, _userId, next, changes);
            _access = next;
            _stored = true;
        }

        foreach (var change in changes)
        {
            metrics.Changed(_tenantId, change.Kind, change.Source);
            logger.LogInformation(
                "Admin access {Kind} for user {UserId} (oid {ObjectId}) in tenant {TenantId} by {Source}: {Detail}",
                change.Kind,
                _userId,
                change.ExternalId,
                _tenantId,
                change.Source,
                change.Detail);
        }

        if (decision is { ScimAdmin: true } && next.GraphDenied && cause.Source == AccessChangeSource.Scim)
        {
            // Provisioning says admin, Graph last said no: ask Graph again now rather than at the next period.
            await GrainFactory.GetGrain<IReconciliationGrain>(_tenantId).RequestRunAsync();
        }

        if (row is null)
        {
            // The user is gone (or the tenant): nothing left to protect; sessions see revision-less access.
            if (_stored)
            {
                await store.DeleteAsync(_tenantId, _userId);
                _stored = false;
            }

            _access = UserAccess.None with { Revision = _access.Revision };
            DeactivateOnIdle();
        }
        else
        {
            LeaveUnlessAdmin();
        }

        return decision is null ? null : decision with { Revision = _access.Revision };
    }

    /// <summary>
    /// Only an admin's sessions ask this grain on every request; anyone else's access is in the store (when it was
    /// ever more than none), so a disabled user, a member of a non-admin group or a console list leaves no activation
    /// behind for the age limit: 100,000 users toggled or listed would otherwise hold as many grains.
    /// </summary>
    private void LeaveUnlessAdmin()
    {
        if (!_access.Admin)
        {
            DeactivateOnIdle();
        }
    }

    private async Task<AccessDecision> DecideAsync(TenantDetails tenant, System.Text.Json.Nodes.JsonObject user, bool graphDenied)
    {
        var groups = await MemberGroups.ReadAsync(resources, members, _tenantId, _userId);
        var decision = AccessRules.Decide(_userId, UserActive.Of(user), groups, tenant.AdminGroups, tenant.MonitoredGroups, tenant.MonitorUsersOutsideGroups, graphDenied);
        return decision with { ExternalId = (string?)user["externalId"] };
    }

    private AccessEvent Event(AccessEventKind kind, string? externalId, string? userName, long revision, AccessCause cause, DateTimeOffset now) =>
        new(0, _tenantId, _userId, userName, externalId, kind, cause.Source, cause.Detail, revision, now);
}
