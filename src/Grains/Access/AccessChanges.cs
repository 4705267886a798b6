using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Tenants;

namespace Total.Grains.Access;

/// <summary>
/// Which changes can change someone's admin access, one rule per kind of change, so the grains that see a change only
/// do the I/O: a write to a user or a group (SCIM), a change of the tenant's admin groups (settings), what Microsoft
/// Graph read (reconciliation), and what a recompute does to the stored access. What access then is, is
/// <see cref="AccessRules"/>'; <see cref="UserAccessGrain"/> recomputes, stores and records it.
/// Only admin access is stored and recorded: whether someone is monitored is decided afresh on every read, so the
/// monitored groups and the setting for users outside every group change nobody's stored access.
/// </summary>
public static class AccessChanges
{
    /// <summary>
    /// What in a user's new version can change their access, in words for the access log, or null: being disabled or
    /// enabled, or another externalId (a different Entra identity). A user's creation changes nobody's access (a new user
    /// is in no group); a deletion always does.
    /// </summary>
    public static string? OfUserWrite(bool wasActive, bool isActive, string? externalIdBefore, string? externalIdAfter)
    {
        if (wasActive != isActive)
        {
            return isActive ? "enabled (active = true)" : "disabled (active = false)";
        }

        return SameIdentity(externalIdBefore, externalIdAfter) ? null : "given another externalId";
    }

    /// <summary>True when the tenant's admin-group setting names this group (<see cref="GroupReferences.Names"/>).</summary>
    public static bool IsAdminGroup(IReadOnlyList<string> adminGroups, string displayName, string? externalId)
    {
        // Asked on every SCIM write to a group: no enumerator or closure to allocate.
        for (var i = 0; i < adminGroups.Count; i++)
        {
            if (GroupReferences.Names(adminGroups[i], displayName, externalId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A new group can give access to every member it starts with when it is an admin group; any other to nobody.</summary>
    public static GroupWriteImpact OfGroupCreate(bool isAdminGroup) =>
        isAdminGroup ? GroupWriteImpact.EveryMember : GroupWriteImpact.Nobody;

    /// <summary>
    /// Whose access a write to a group can change: every member when the write made it an admin group or ended that
    /// (a rename, another externalId), those who joined or left when it is an admin group, else nobody.
    /// </summary>
    public static GroupWriteImpact OfGroupWrite(bool wasAdminGroup, bool isAdminGroup, bool membersChanged) =>
        wasAdminGroup != isAdminGroup ? GroupWriteImpact.EveryMember
        : isAdminGroup && membersChanged ? GroupWriteImpact.MembersChanged
        : GroupWriteImpact.Nobody;

    /// <summary>Deleting an admin group can take access from every member; deleting any other group from nobody.</summary>
    public static GroupWriteImpact OfGroupDelete(bool wasAdminGroup) =>
        wasAdminGroup ? GroupWriteImpact.EveryMember : GroupWriteImpact.Nobody;

    /// <summary>Whether a settings change of the admin groups can change anyone's access: when they name other groups than before.</summary>
    public static bool AdminGroupsChanged(IReadOnlyList<string> previous, IReadOnlyList<string> current) =>
        !current.ToHashSet(GroupReferences.SameEntry).SetEquals(previous);

    /// <summary>
    /// The entries a change of the admin groups adds: the members of the groups they name may gain access. Anyone who
    /// may lose it holds access now, so every current admin is recomputed too.
    /// </summary>
    public static IEnumerable<string> NewAdminGroups(IReadOnlyList<string> previous, IReadOnlyList<string> current) =>
        current.Except(previous, GroupReferences.SameEntry);

    /// <summary>
    /// What Microsoft Graph says of one user after a read: denied when provisioning makes them admin, Entra has them in
    /// none of the admin groups Graph was asked about, and Graph was asked about every admin group they are in (an
    /// unchecked group may still hold them). Graph never grants: an earlier denial ends only when Entra has them back.
    /// </summary>
    /// <param name="scimAdmin">Admin by what SCIM provisioned (<see cref="AccessDecision.ScimAdmin"/>).</param>
    /// <param name="deniedBefore">What Graph said last (<see cref="UserAccess.GraphDenied"/>).</param>
    /// <param name="inEntraAdminGroup">Entra has the user in one of the admin groups Graph was asked about.</param>
    /// <param name="graphCoversTheirAdminGroups">Graph was asked about every admin group the user is a member of.</param>
    public static bool GraphDenies(bool scimAdmin, bool deniedBefore, bool inEntraAdminGroup, bool graphCoversTheirAdminGroups) =>
        scimAdmin ? !inEntraAdminGroup && graphCoversTheirAdminGroups : deniedBefore && !inEntraAdminGroup;

    /// <summary>
    /// What a recompute does to the stored access: the access held is revoked when the user is no longer admin or is
    /// now another Entra identity (that one's access ends here); access is granted when the user is admin and, after
    /// that, holds none.
    /// </summary>
    public static (bool Revokes, bool Grants) OfRecompute(UserAccess stored, bool admin, string? externalId)
    {
        var revokes = stored.Admin && (!admin || !SameIdentity(externalId, stored.ExternalId));
        return (revokes, admin && (revokes || !stored.Admin));
    }

    /// <summary>Two externalIds are the same Entra identity ignoring case: an object id is a GUID.</summary>
    public static bool SameIdentity(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
