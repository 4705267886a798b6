using System.Text.Json.Nodes;

namespace Total.Scim.Patch;

/// <summary>
/// The outcome of planning a group PATCH against a group stored without members.
/// </summary>
/// <param name="Group">The group after its own attribute changes (displayName, externalId), still without members.</param>
/// <param name="MemberOperations">Membership changes, to be applied in order.</param>
public sealed record GroupPatchPlan(JsonObject Group, IReadOnlyList<MemberOperation> MemberOperations);
