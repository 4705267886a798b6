namespace Total.Scim.Patch;

/// <summary>Remove exactly these members; ids that are not members are ignored.</summary>
/// <param name="MemberIds">Distinct member ids in request order.</param>
public sealed record RemoveMembers(IReadOnlyList<string> MemberIds) : MemberOperation;
