using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Filter;
using Total.Scim.Json;
using Total.Scim.Patch.EntraCompat;
using Total.Scim.Schema;

namespace Total.Scim.Messages;

/// <summary>
/// Orders resources by an attribute path (RFC 7644 §3.4.2.3). Strings compare with the attribute's
/// caseExact; dateTimes as instants; numbers numerically. A multi-valued attribute sorts by its
/// primary value, else its first. Resources without a value sort last in both directions, and ties
/// are broken by <c>id</c> so paging over the same data is stable.
/// </summary>
public sealed class ScimSortComparer : IComparer<JsonObject>
{
    private const string Primary = "primary";
    private const string ValueSubAttribute = "value";
    private readonly ScimAttributePath _sortBy;
    private readonly ScimSortOrder _order;
    private readonly ScimResourceSchema _schema;

    /// <summary>Creates a comparer.</summary>
    public ScimSortComparer(ScimAttributePath sortBy, ScimSortOrder order, ScimResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(sortBy);
        ArgumentNullException.ThrowIfNull(schema);
        _sortBy = sortBy;
        _order = order;
        _schema = schema;
    }

    /// <inheritdoc />
    public int Compare(JsonObject? x, JsonObject? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var (left, definition) = SortKey(x);
        var (right, _) = SortKey(y);
        int result;
        if (left is null || right is null)
        {
            result = left is null && right is null ? 0 : left is null ? 1 : -1;
        }
        else
        {
            result = CompareValues(left, right, definition);
            if (_order == ScimSortOrder.Descending)
            {
                result = -result;
            }
        }

        return result != 0 ? result : string.CompareOrdinal(Id(x), Id(y));
    }

    private (JsonNode? Value, ScimAttribute? Definition) SortKey(JsonObject resource)
    {
        var location = AttributeLocation.InResource(resource, _schema, _sortBy);
        var items = AttributeLocation.Items(location.Node).ToList();
        var chosen = items.OfType<JsonObject>().FirstOrDefault(item => StringBooleans.TryParse(item[Primary], out var primary) && primary)
            ?? items.FirstOrDefault();
        var value = chosen is JsonObject complex ? complex.GetPropertyIgnoreCase(location.SubName ?? ValueSubAttribute) : chosen;
        return (value is JsonArray or JsonObject ? null : value, location.ComparableDefinition);
    }

    private static int CompareValues(JsonNode left, JsonNode right, ScimAttribute? definition)
    {
        switch (definition?.Type)
        {
            case ScimAttributeType.Boolean when StringBooleans.TryParse(left, out var l) && StringBooleans.TryParse(right, out var r):
                return l.CompareTo(r);
            case ScimAttributeType.Integer or ScimAttributeType.Decimal when Number(left) is { } l && Number(right) is { } r:
                return l.CompareTo(r);
            case ScimAttributeType.DateTime
                when left.TryGetString(out var l) && right.TryGetString(out var r)
                && DateTimeOffset.TryParse(l, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var li)
                && DateTimeOffset.TryParse(r, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ri):
                return li.CompareTo(ri);
        }

        if (left.Kind() == JsonValueKind.Number && right.Kind() == JsonValueKind.Number && Number(left) is { } ln && Number(right) is { } rn)
        {
            return ln.CompareTo(rn);
        }

        var comparison = definition?.CaseExact == true ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return string.Compare(Text(left), Text(right), comparison);
    }

    private static decimal? Number(JsonNode node) =>
        node.TryGetDecimal(out var value) || (node.TryGetString(out var text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            ? value
            : null;

    private static string Text(JsonNode node) => node.TryGetString(out var text) ? text : node.ToJsonString();

    private static string Id(JsonObject resource) => resource.GetPropertyIgnoreCase("id").TryGetString(out var id) ? id : string.Empty;
}
