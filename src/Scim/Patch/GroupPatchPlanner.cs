using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Scim.Patch;

/// <summary>
/// Splits a group PATCH into changes to the group object and membership operations, because groups
/// are stored without their (possibly 50,000) members. Shapes handled:
/// <list type="bullet">
/// <item><c>add</c> path <c>members</c> with a value list → <see cref="AddMembers"/>.</item>
/// <item>no-path <c>add</c>/<c>replace</c> whose value has <c>members</c> → <see cref="AddMembers"/>/<see cref="ReplaceMembers"/>.</item>
/// <item><c>remove</c> path <c>members</c> with a value list (Entra default) → <see cref="RemoveMembers"/> of only those ids; an empty list removes nothing.</item>
/// <item><c>remove</c> path <c>members[value eq "a" or value eq "b"]</c> (Entra flagged, Okta) → <see cref="RemoveMembers"/>.</item>
/// <item><c>remove</c> path <c>members</c> without a value (RFC) → <see cref="RemoveAllMembers"/>.</item>
/// <item><c>replace</c> path <c>members</c> with a list → <see cref="ReplaceMembers"/>.</item>
/// </list>
/// Member lists are read by <see cref="GroupMemberList"/>, as for POST and PUT.
/// </summary>
internal static class GroupPatchPlanner
{
    private const string ValueSubAttribute = "value";

    public static GroupPatchPlan Plan(JsonObject group, IReadOnlyList<PatchOperation> operations)
    {
        var groupOperations = new List<(int, PatchOperation)>();
        var memberOperations = new List<MemberOperation>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            try
            {
                var remainder = PlanOperation(operation, memberOperations);
                if (remainder is not null)
                {
                    groupOperations.Add((i, remainder));
                }
            }
            catch (ScimException error)
            {
                throw PatchApplier.ForOperation(i, operation, error);
            }
        }

        var updated = groupOperations.Count == 0
            ? (JsonObject)group.DeepClone()
            : new PatchApplier(ScimResourceSchema.Group).Apply(group, groupOperations);
        return new GroupPatchPlan(updated, memberOperations);
    }

    /// <summary>Records membership changes; returns what is left to apply to the group object.</summary>
    private static PatchOperation? PlanOperation(PatchOperation operation, List<MemberOperation> memberOperations)
    {
        if (operation.Path is null)
        {
            if (operation.Op == PatchOperationType.Remove)
            {
                throw ScimException.NoTarget("'remove' needs a path naming what to remove.");
            }

            if (operation.Value is not JsonObject value)
            {
                throw ScimException.InvalidValue($"'{operation.Op.ToString().ToLowerInvariant()}' without a path needs an object value; got {operation.Value.Describe()}.");
            }

            var remainder = new JsonObject();
            foreach (var (key, item) in value)
            {
                if (!GroupMemberList.IsMembersKey(key))
                {
                    remainder[key] = item?.DeepClone();
                }
                else if (operation.Op == PatchOperationType.Replace)
                {
                    memberOperations.Add(new ReplaceMembers(item is null ? [] : GroupMemberList.ReadIds(item, "value." + key)));
                }
                else if (item is not null)
                {
                    AddIfAny(memberOperations, GroupMemberList.ReadIds(item, "value." + key), ids => new AddMembers(ids));
                }
            }

            return remainder.Count == 0 ? null : operation with { Value = remainder };
        }

        var path = PatchPath.Parse(operation.Path);
        var resolved = ScimResourceSchema.Group.Resolve(path.Attribute);
        if (!GroupMemberList.IsMembers(resolved))
        {
            return operation;
        }

        if (resolved.SubAttributeName is not null || path.SubAttribute is not null)
        {
            throw ScimException.InvalidPath("Membership changes must use the path 'members' or 'members[value eq \"<id>\"]', not a member sub-attribute.");
        }

        if (path.ValueFilter is not null)
        {
            if (operation.Op != PatchOperationType.Remove)
            {
                throw ScimException.InvalidPath("To add or replace members use the path 'members' with a value list such as [{\"value\":\"<id>\"}].");
            }

            memberOperations.Add(new RemoveMembers(MemberFilterIds(path.ValueFilter)));
            return null;
        }

        switch (operation.Op)
        {
            case PatchOperationType.Add:
                if (operation.Value is null)
                {
                    throw ScimException.InvalidValue("'add' to 'members' needs a value list such as [{\"value\":\"<id>\"}].");
                }

                AddIfAny(memberOperations, GroupMemberList.ReadIds(operation.Value, "value"), ids => new AddMembers(ids));
                break;
            case PatchOperationType.Replace:
                memberOperations.Add(new ReplaceMembers(operation.Value is null ? [] : GroupMemberList.ReadIds(operation.Value, "value")));
                break;
            default:
                if (operation.Value is null)
                {
                    memberOperations.Add(new RemoveAllMembers());
                }
                else
                {
                    // Entra's default removal shape: remove only the listed members, never the whole list.
                    AddIfAny(memberOperations, GroupMemberList.ReadIds(operation.Value, "value"), ids => new RemoveMembers(ids));
                }

                break;
        }

        return null;
    }

    private static void AddIfAny(List<MemberOperation> operations, List<string> ids, Func<IReadOnlyList<string>, MemberOperation> create)
    {
        if (ids.Count > 0)
        {
            operations.Add(create(ids));
        }
    }

    private static List<string> MemberFilterIds(FilterNode filter)
    {
        var ids = new List<string>();
        if (!Collect(filter, ids))
        {
            throw ScimException.InvalidFilter("Only member filters of the form 'value eq \"<id>\"', optionally joined by 'or', are supported, e.g. members[value eq \"u-1\" or value eq \"u-2\"].");
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();

        static bool Collect(FilterNode node, List<string> ids) => node switch
        {
            OrNode or => Collect(or.Left, ids) && Collect(or.Right, ids),
            ComparisonNode
            {
                Operator: ComparisonOperator.Eq,
                Path: { SchemaUrn: null, SubAttribute: null } path,
                Value: { Kind: FilterLiteralKind.String } literal,
            } when string.Equals(path.Name, ValueSubAttribute, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrWhiteSpace(literal.Text) => Add(ids, literal.Text),
            _ => false,
        };

        static bool Add(List<string> ids, string id)
        {
            ids.Add(id);
            return true;
        }
    }
}
