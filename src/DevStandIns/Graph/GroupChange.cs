namespace Total.DevStandIns.Graph;

/// <summary>One recorded change to a group, numbered so a delta token can say "everything after version N".</summary>
internal sealed record GroupChange(long Version, string GroupId, GroupChangeKind Kind, string? MemberId = null, string? RemovalReason = null);

/// <summary>What changed about a group.</summary>
internal enum GroupChangeKind
{
    Created,
    Renamed,
    MemberAdded,
    MemberRemoved,
    Deleted,
}
