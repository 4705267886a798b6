namespace Total.Scim.Patch;

/// <summary>Add these members; ids already present are not duplicated.</summary>
/// <param name="MemberIds">Distinct member ids in request order.</param>
public sealed record AddMembers(IReadOnlyList<string> MemberIds) : MemberOperation;
