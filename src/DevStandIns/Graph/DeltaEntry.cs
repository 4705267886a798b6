namespace Total.DevStandIns.Graph;

/// <summary>
/// One group object of a delta response: its members (or member changes) as <c>members@delta</c>, or, for a
/// deleted group, only its id and <c>@removed</c>.
/// </summary>
/// <param name="Members">Null leaves <c>members@delta</c> out (nothing about members to report).</param>
/// <param name="RemovalReason"><c>deleted</c> or <c>changed</c> when the group itself is gone.</param>
internal sealed record DeltaEntry(string GroupId, string? DisplayName, IReadOnlyList<DeltaMember>? Members, string? RemovalReason);

/// <summary>One <c>members@delta</c> item: a user added to the group, or removed from it.</summary>
internal sealed record DeltaMember(string Id, bool Removed);
