namespace Total.Scim.Patch;

/// <summary>Make the member list exactly these ids (an empty list empties the group).</summary>
/// <param name="MemberIds">Distinct member ids in request order.</param>
public sealed record ReplaceMembers(IReadOnlyList<string> MemberIds) : MemberOperation;
