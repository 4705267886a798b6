using Total.Grains.Abstractions.Access;
using Total.Grains.Access.Storage;
using Total.Grains.Directory;
using Total.Grains.Directory.Storage;
using Total.Grains.Tenants;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Grains.Access;

/// <summary>
/// The lockout rule of a change of the admin groups, decided before anything is stored: who would be an admin under the
/// new groups is what <see cref="AccessRules"/> decides from the provisioned directory (active members, less those
/// Microsoft Graph denies). A change needs explicit confirmation when it takes access from every current admin (even
/// if it makes others admins: a handover is confirmed, or done in two steps, new group first), or when it ends the
/// console access of the admin saving it.
/// A tenant without admins yet (onboarding, before Entra provisioned anyone) sets its groups freely.
/// </summary>
public sealed class AdminAccessPreview(IScimResourceStore resources, IGroupMemberStore members, IAccessStore access)
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
        var takesEveryAdmin = adminsNow.Count > 0 && losing.Count == adminsNow.Count;
        if (!takesEveryAdmin && !endsActingAdminsAccess)
        {
            return null;
        }

        return new AdminAccessLoss(await IdentifyAsync(tenantId, losing.Take(AdminAccessLoss.MaxNamed)), losing.Count, takesEveryAdmin, endsActingAdminsAccess);
    }

    private async Task<bool> WouldBeAdminAsync(string tenantId, string userId, bool graphDenied, IReadOnlyList<string> adminGroups)
    {
        // Members that are groups (nested groups are not expanded) or users deleted meanwhile are no admins.
        if (await resources.GetAsync(tenantId, ScimResourceType.User, userId) is not { } row)
        {
            return false;
        }

        var groups = await MemberGroups.ReadAsync(resources, members, tenantId, userId);
        return AccessRules.Decide(userId, UserActive.Of(ScimJson.Read(row.Body)), groups, adminGroups, [], monitorUsersOutsideGroups: false, graphDenied).Admin;
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
