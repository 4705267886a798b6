using System.Text.Json.Nodes;
using Total.Scim.Schema;

namespace Total.Scim.Patch;

/// <summary>
/// Entry points for SCIM PATCH (RFC 7644 §3.5.2) with the Microsoft Entra request shapes described in
/// <c>Total.Scim.Patch.EntraCompat</c>.
/// </summary>
public static class ScimPatch
{
    /// <summary>
    /// Reads a PatchOp body into operations. <c>Operations</c> is required and non-empty (400
    /// invalidSyntax), at most <see cref="PatchLimits.MaxOperations"/> (400 invalidValue); op names ignore case;
    /// paths are at most <see cref="PatchLimits.MaxPathLength"/> long and syntax-checked (400 invalidPath).
    /// </summary>
    /// <param name="body">The PatchOp request.</param>
    /// <param name="limits">Bounds on the request; <see cref="PatchLimits.Default"/> when null.</param>
    public static IReadOnlyList<PatchOperation> ParseRequest(JsonObject body, PatchLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return PatchRequestReader.Read(body, limits ?? PatchLimits.Default);
    }

    /// <summary>
    /// Applies operations to a copy of <paramref name="resource"/> and returns the normalised, validated
    /// result. The input is never modified; any failing operation throws and nothing is applied.
    /// </summary>
    public static JsonObject Apply(JsonObject resource, IReadOnlyList<PatchOperation> operations, ScimResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(schema);
        return new PatchApplier(schema).Apply(resource, operations.Select((operation, index) => (index, operation)));
    }

    /// <summary>
    /// Plans a group PATCH for a group stored without <c>members</c>: returns the updated group object
    /// and the ordered membership operations. The input is never modified; errors throw before any
    /// part of the plan is returned.
    /// </summary>
    public static GroupPatchPlan PlanGroupPatch(JsonObject groupWithoutMembers, IReadOnlyList<PatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(groupWithoutMembers);
        ArgumentNullException.ThrowIfNull(operations);
        return GroupPatchPlanner.Plan(groupWithoutMembers, operations);
    }
}
