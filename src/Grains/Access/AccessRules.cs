using System.Text.Json.Nodes;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Tenants;

namespace Total.Grains.Access;

/// <summary>
/// The access rules, pure: admin = active and a member of an admin group; monitored = active and a member
/// of a monitored group, or provisioned outside every group (a direct assignment in Entra) unless the tenant
/// turned that off. Admins are not monitored unless they are also in a monitored group.
/// </summary>
public static class AccessRules
{
    /// <summary>A group the user is a direct member of, as the tenant's group settings can name it.</summary>
    public sealed record MemberGroup(string Id, string DisplayName, string? ExternalId);

    public static AccessDecision Decide(
        string userId,
        bool active,
        IReadOnlyList<MemberGroup> groups,
        IReadOnlyList<string> adminGroups,
        IReadOnlyList<string> monitoredGroups,
        bool monitorUsersOutsideGroups,
        bool graphDenied = false)
    {
        var reasons = new List<string>();
        var adminVia = groups.Where(g => Names(g, adminGroups)).ToList();
        var monitoredVia = groups.Where(g => Names(g, monitoredGroups)).ToList();

        if (!active)
        {
            reasons.Add("The user is disabled in Entra (SCIM active = false): no console access and not monitored.");
            return new AccessDecision(false, false, false, userId, reasons, groups.Select(g => g.DisplayName).ToList());
        }

        var scimAdmin = adminVia.Count > 0;
        var admin = scimAdmin && !graphDenied;
        reasons.Add(scimAdmin
            ? $"Admin: member of admin group {string.Join(", ", adminVia.Select(Describe))}."
            : adminGroups.Count == 0
                ? "Not admin: this tenant has no admin groups configured (Settings → SSO & Provisioning)."
                : $"Not admin: not a member of an admin group ({string.Join(", ", adminGroups)}). Add the user to one in Entra and wait for provisioning.");
        if (scimAdmin && graphDenied)
        {
            reasons.Add("Not admin: Microsoft Graph reports that in Entra the user is no longer in any admin group; provisioning has not caught up yet. Graph only ever takes access away.");
        }

        bool monitored;
        if (monitoredVia.Count > 0)
        {
            monitored = true;
            reasons.Add($"Monitored: member of monitored group {string.Join(", ", monitoredVia.Select(Describe))}.");
        }
        else if (groups.Count == 0 && monitorUsersOutsideGroups && !admin)
        {
            monitored = true;
            reasons.Add("Monitored: provisioned outside every provisioned group (assigned to the app directly in Entra).");
        }
        else
        {
            monitored = false;
            reasons.Add(admin
                ? "Not monitored: admins are monitored only when they are also in a monitored group."
                : "Not monitored: not a member of a monitored group.");
        }

        return new AccessDecision(
            admin,
            monitored,
            true,
            userId,
            reasons,
            groups.Select(g => g.DisplayName).ToList(),
            ScimAdmin: scimAdmin,
            AdminGroupExternalIds: adminVia.Select(g => g.ExternalId ?? "").ToList());
    }

    /// <summary>A setting entry names a group by its displayName or its Entra object id (externalId): <see cref="GroupReferences.Names"/>.</summary>
    private static bool Names(MemberGroup group, IReadOnlyList<string> entries) =>
        entries.Any(entry => GroupReferences.Names(entry, group.DisplayName, group.ExternalId));

    private static string Describe(MemberGroup group) => $"'{group.DisplayName}'";
}
