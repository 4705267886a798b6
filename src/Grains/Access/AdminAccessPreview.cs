using Total.Grains.Abstractions.Access;
using Total.Grains.Access.Storage;
using Total.Grains.Directory;
using Total.Grains.Directory.Storage;
using Total.Grains.Tenants;

namespace Total.Grains.Access;

/// <summary>
/// The lockout rule of a change of the admin groups, decided before anything is stored: who would be an admin under the
/// new groups is what <see cref="AccessRules"/> decides from the provisioned directory (active members, less those
/// Microsoft Graph denies). A change needs explicit confirmation when it takes access from every current admin and
/// gives it to nobody (no one could sign in to undo it), or when it ends the console access of the admin saving it.
/// A tenant without admins yet (onboarding, before Entra provisioned anyone) sets its groups freely.
/// </summary>
public sealed class AdminAccessPreview(IGrainFactory grains, IScimResourceStore resources, IGroupMemberStore members, IAccessStore access)
{
    /// <summary>What the change would take that needs confirming; null when it may simply be applied.</summary>
    /// <param name="actingUserId">The console admin saving the change; null for the operator API.</param>
    public async Task<AdminAccessLoss?> AssessAsync(string tenantId, IReadOnlyList<string> adminGroups, string? actingUserId)
    {
        // The admins now are whoever holds access now: what every console session is checked against.
        var adminsNow = (await access.ListFlaggedAsync(tenantId)).Where(user => user.Access.Admin).ToList();
        var keeps = new bool[adminsNow.Count];
        await AccessFanOut.ForEachAsync(adminsNow.Count, async i =>
            keeps[i] = await WouldBeAdminAsync(tenantId, adminsNow[i].UserId, adminsNow[i].Access.GraphDenied, adminGroups));
        var losing = adminsNow.Where((_, i) => !keeps[i]).ToList();

        var endsActingAdminsAccess = actingUserId is not null && losing.Any(admin => admin.UserId == actingUserId);
        var leavesNoAdmin = adminsNow.Count > 0 && losing.Count == adminsNow.Count && !await AnyNewAdminAsync(tenantId, adminGroups, adminsNow);
        if (!leavesNoAdmin && !endsActingAdminsAccess)
        {
            return null;
        }

        return new AdminAccessLoss(await IdentifyAsync(tenantId, losing.Take(AdminAccessLoss.MaxNamed)), losing.Count, leavesNoAdmin, endsActingAdminsAccess);
    }

    /// <summary>Whether a member of the new admin groups who is no admin now would become one; stops at the first.</summary>
    private async Task<bool> AnyNewAdminAsync(string tenantId, IReadOnlyList<string> adminGroups, IReadOnlyList<FlaggedUser> adminsNow)
    {
        var weighed = adminsNow.Select(admin => admin.UserId).ToHashSet(StringComparer.Ordinal);
        foreach (var groupId in await NamedGroups.IdsAsync(grains, tenantId, adminGroups))
        {
            foreach (var memberId in await members.ListAsync(tenantId, groupId))
            {
                if (weighed.Add(memberId)
                    && await WouldBeAdminAsync(tenantId, memberId, (await access.GetAsync(tenantId, memberId))?.GraphDenied ?? false, adminGroups))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private async Task<bool> WouldBeAdminAsync(string tenantId, string userId, bool graphDenied, IReadOnlyList<string> adminGroups)
    {
        // Members that are groups (nested groups are not expanded) or users deleted meanwhile are no admins.
        if (await resources.GetAsync(tenantId, ScimResourceType.User, userId) is not { } row)
        {
            return false;
        }

        var groups = await MemberGroups.ReadAsync(resources, members, tenantId, userId);
        return AccessRules.Decide(userId, AccessRules.IsActive(ScimJson.Read(row.Body)), groups, adminGroups, [], monitorUsersOutsideGroups: false, graphDenied).Admin;
    }

    private async Task<IReadOnlyList<AdminIdentity>> IdentifyAsync(string tenantId, IEnumerable<FlaggedUser> admins)
    {
        var identities = new List<AdminIdentity>();
        foreach (var admin in admins)
        {
            var row = await resources.GetAsync(tenantId, ScimResourceType.User, admin.UserId);
            identities.Add(new AdminIdentity(admin.UserId, row is null ? null : (string?)ScimJson.Read(row.Body)["userName"], admin.Access.ExternalId));
        }

        return identities;
    }
}
