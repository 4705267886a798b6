using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Total.Grains.Graph;

/// <summary>
/// Reads what the Graph SDK leaves in a delta group's additional data: <c>@removed</c> on a deleted group, and
/// <c>members@delta</c> items <c>{"@odata.type","id"}</c>, with <c>@removed</c> on a member that left.
/// Only users count: nested groups, devices and service principals never sign in to the console.
/// </summary>
internal static class GroupDeltaItems
{
    private const string UserType = "#microsoft.graph.user";

    public static bool IsRemoved(Group group) => group.AdditionalData.ContainsKey("@removed");

    public static IEnumerable<(string MemberId, bool Removed)> Members(Group group)
    {
        if (!group.AdditionalData.TryGetValue("members@delta", out var value) || value is not UntypedArray items)
        {
            yield break;
        }

        foreach (var item in items.GetValue())
        {
            if (item is not UntypedObject member)
            {
                continue;
            }

            var fields = member.GetValue();
            var type = Text(fields, "@odata.type");
            if (Text(fields, "id") is { } id && (type is null || string.Equals(type, UserType, StringComparison.OrdinalIgnoreCase)))
            {
                yield return (TrackedGroups.TryNormalize(id, out var normalized) ? normalized : id, fields.ContainsKey("@removed"));
            }
        }
    }

    /// <summary>True for a directory object the reader counts as a member: a user (or an object of unstated type).</summary>
    public static bool IsUser(DirectoryObject member) =>
        member.OdataType is null || string.Equals(member.OdataType, UserType, StringComparison.OrdinalIgnoreCase);

    private static string? Text(IDictionary<string, UntypedNode> fields, string name) =>
        fields.TryGetValue(name, out var node) && node is UntypedString text ? text.GetValue() : null;
}
