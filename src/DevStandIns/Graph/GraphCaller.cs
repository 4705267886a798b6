namespace Total.DevStandIns.Graph;

/// <summary>Who a validated Graph access token speaks for: an app in a tenant, with its application permissions.</summary>
internal sealed record GraphCaller(Guid TenantId, string AppId, IReadOnlySet<string> Roles)
{
    /// <summary>Application permissions that include reading every group's members.</summary>
    private static readonly string[] MemberReadingRoles = ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All"];

    public bool MayReadGroupMembers => MemberReadingRoles.Any(Roles.Contains);
}
