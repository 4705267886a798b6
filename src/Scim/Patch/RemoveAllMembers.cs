namespace Total.Scim.Patch;

/// <summary>
/// Remove every member: only for the RFC shape <c>{"op":"remove","path":"members"}</c> with no value.
/// </summary>
public sealed record RemoveAllMembers : MemberOperation;
