using System.Globalization;
using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Json;

namespace Total.Scim.Schema;

/// <summary>
/// The one reader of a group's member list, for POST, PUT and PATCH alike. Groups are stored without their (possibly
/// 50,000) members, so the list is taken out of the request before the group is normalised. Attribute names are
/// case-insensitive (RFC 7643 §2.1): <c>members</c>, <c>Members</c> and
/// <c>urn:ietf:params:scim:schemas:core:2.0:Group:members</c> all name it, and <c>value</c> in any case names a
/// member's id. A value is an array of <c>{"value":"&lt;id&gt;"}</c> objects, a single such object, or bare ids,
/// as the normaliser accepts for any multi-valued complex attribute.
/// </summary>
public static class GroupMemberList
{
    private const string MembersAttribute = "members";
    private const string ValueSubAttribute = "value";

    /// <summary>True when <paramref name="key"/> (a body key or a no-path PATCH value key) names the whole member list.</summary>
    public static bool IsMembersKey(string key) =>
        ScimAttributePath.TryParse(key, out var path)
        && ScimResourceSchema.Group.Resolve(path) is { SubAttributeName: null } resolved
        && IsMembers(resolved);

    /// <summary>True when a path of the Group schema resolves to <c>members</c> (or one of its sub-attributes).</summary>
    public static bool IsMembers(ResolvedAttribute resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        return string.Equals(resolved.Attribute?.Name, MembersAttribute, StringComparison.Ordinal);
    }

    /// <summary>The member ids a value lists, each once, in order.</summary>
    /// <param name="value">The member list (or one member).</param>
    /// <param name="where">Where the value stands in the request, for the error detail (<c>members</c>, <c>value</c>).</param>
    /// <exception cref="ScimException">400 invalidValue naming the entry that holds no id.</exception>
    public static List<string> ReadIds(JsonNode? value, string where)
    {
        ArgumentNullException.ThrowIfNull(where);
        var items = value is JsonArray array ? array.ToList() : [value];
        var ids = new List<string>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = item is JsonObject member ? member.GetPropertyIgnoreCase(ValueSubAttribute) : item;
            if (!id.TryGetString(out var text) || string.IsNullOrWhiteSpace(text))
            {
                var position = value is JsonArray ? $"{where}[{i.ToString(CultureInfo.InvariantCulture)}]" : where;
                throw ScimException.InvalidValue($"{position}.value must be a non-empty string holding the member's id.");
            }

            if (seen.Add(text))
            {
                ids.Add(text);
            }
        }

        return ids;
    }

    /// <summary>
    /// Takes the member list out of a POST or PUT body: the body without it, and the ids it lists (none when it is
    /// absent or <c>null</c>). A body that names the list under two spellings lists the members of both.
    /// </summary>
    /// <exception cref="ScimException">400 invalidValue naming the entry that holds no id.</exception>
    public static (JsonObject WithoutMembers, IReadOnlyList<string> MemberIds) Split(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var withoutMembers = new JsonObject();
        var ids = new List<string>();
        foreach (var (key, value) in body)
        {
            if (!IsMembersKey(key))
            {
                withoutMembers[key] = value?.DeepClone();
            }
            else if (value is not null)
            {
                ids.AddRange(ReadIds(value, key));
            }
        }

        return (withoutMembers, ids.Distinct(StringComparer.Ordinal).ToList());
    }
}
