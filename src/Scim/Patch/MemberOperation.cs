namespace Total.Scim.Patch;

/// <summary>
/// A change to a group's membership, produced by <see cref="ScimPatch.PlanGroupPatch"/> so the server
/// can update its membership store without ever loading the member list.
/// </summary>
public abstract record MemberOperation;
