using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Json;
using Total.Scim.Projection;
using Total.Scim.Schema;

namespace Total.Scim.Messages;

/// <summary>
/// The parameters of a list request (<c>GET /Users?...</c>) or a <c>POST /.search</c> body
/// (RFC 7644 §3.4.2, §3.4.3): filter, paging, sorting and projection, validated once.
/// <c>startIndex</c> below 1 becomes 1, <c>count</c> below 0 becomes 0 and above the limit is capped;
/// non-integers and an unknown <c>sortOrder</c> are 400 invalidValue; bad filters 400 invalidFilter.
/// Unknown parameters are ignored (e.g. <c>aadOptscim062020</c>).
/// </summary>
public sealed record ListQuery
{
    /// <summary>The parsed filter, or null when none was sent.</summary>
    public FilterNode? Filter { get; init; }

    /// <summary>1-based index of the first result.</summary>
    public int StartIndex { get; init; } = 1;

    /// <summary>Page size (0 means "only totalResults").</summary>
    public int Count { get; init; } = ListQueryLimits.Default.DefaultCount;

    /// <summary>The attribute to sort by, or null for the server's stable default order.</summary>
    public ScimAttributePath? SortBy { get; init; }

    /// <summary>Sort direction.</summary>
    public ScimSortOrder SortOrder { get; init; }

    /// <summary>attributes / excludedAttributes.</summary>
    public AttributeProjection Projection { get; init; } = AttributeProjection.None;

    /// <summary>
    /// Reads query-string parameters (already URL-decoded; names matched ignoring case).
    /// </summary>
    public static ListQuery FromQuery(IEnumerable<KeyValuePair<string, string?>> parameters, ListQueryLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        limits ??= ListQueryLimits.Default;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parameters)
        {
            values[key] = value;
        }

        var startIndex = ParseInteger(values.GetValueOrDefault("startIndex"), "startIndex");
        var count = ParseInteger(values.GetValueOrDefault("count"), "count");
        return Build(
            values.GetValueOrDefault("filter"),
            startIndex,
            count,
            values.GetValueOrDefault("sortBy"),
            values.GetValueOrDefault("sortOrder"),
            values.GetValueOrDefault("attributes"),
            values.GetValueOrDefault("excludedAttributes"),
            limits);
    }

    /// <summary>
    /// Reads a <c>POST /.search</c> SearchRequest body. Its <c>schemas</c> should contain the
    /// SearchRequest URN but a missing one is tolerated; <c>attributes</c> may be an array or a
    /// comma-separated string; paging values are JSON numbers (integer strings are tolerated).
    /// </summary>
    public static ListQuery FromSearchRequest(JsonObject body, ListQueryLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        limits ??= ListQueryLimits.Default;
        if (body.GetPropertyIgnoreCase("schemas") is JsonArray schemas
            && schemas.Count > 0
            && !schemas.Any(s => s.TryGetString(out var urn) && string.Equals(urn, ScimSchemas.SearchRequest, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.InvalidSyntax($"A search request's 'schemas' must contain '{ScimSchemas.SearchRequest}'.");
        }

        return Build(
            ReadString(body, "filter"),
            ReadInteger(body, "startIndex"),
            ReadInteger(body, "count"),
            ReadString(body, "sortBy"),
            ReadString(body, "sortOrder"),
            ReadList(body, "attributes"),
            ReadList(body, "excludedAttributes"),
            limits);
    }

    private static ListQuery Build(
        string? filter,
        long? startIndex,
        long? count,
        string? sortBy,
        string? sortOrder,
        string? attributes,
        string? excludedAttributes,
        ListQueryLimits limits)
    {
        ScimAttributePath? sortPath = null;
        if (!string.IsNullOrWhiteSpace(sortBy) && !ScimAttributePath.TryParse(sortBy.Trim(), out sortPath))
        {
            throw ScimException.InvalidValue("sortBy must be an attribute path such as 'userName' or 'name.familyName'.");
        }

        return new ListQuery
        {
            Filter = string.IsNullOrWhiteSpace(filter) ? null : FilterParser.Parse(filter, limits.Filter),
            StartIndex = startIndex is null or < 1 ? 1 : (int)Math.Min(startIndex.Value, int.MaxValue),
            Count = count is null ? Math.Min(limits.DefaultCount, limits.MaxCount) : (int)Math.Clamp(count.Value, 0, limits.MaxCount),
            SortBy = sortPath,
            SortOrder = ParseSortOrder(sortOrder),
            Projection = AttributeProjection.Parse(attributes, excludedAttributes),
        };
    }

    private static ScimSortOrder ParseSortOrder(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "ascending", StringComparison.OrdinalIgnoreCase))
        {
            return ScimSortOrder.Ascending;
        }

        if (string.Equals(text.Trim(), "descending", StringComparison.OrdinalIgnoreCase))
        {
            return ScimSortOrder.Descending;
        }

        throw ScimException.InvalidValue("sortOrder must be 'ascending' or 'descending'.");
    }

    private static long? ParseInteger(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // A syntactically valid integer too large for long is still an integer: saturate it.
        var trimmed = text.Trim();
        var digits = trimmed.StartsWith('-') || trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            return trimmed.StartsWith('-') ? long.MinValue : long.MaxValue;
        }

        throw ScimException.InvalidValue($"{name} must be an integer.");
    }

    private static long? ReadInteger(JsonObject body, string name)
    {
        var node = body.GetPropertyIgnoreCase(name);
        switch (node.Kind())
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when node.TryGetDecimal(out var number) && decimal.Truncate(number) == number:
                return (long)Math.Clamp(number, long.MinValue, long.MaxValue);
            case JsonValueKind.String:
                return ParseInteger(node!.GetValue<string>(), name);
            default:
                throw ScimException.InvalidValue($"{name} must be an integer.");
        }
    }

    private static string? ReadString(JsonObject body, string name)
    {
        var node = body.GetPropertyIgnoreCase(name);
        if (node is null)
        {
            return null;
        }

        return node.TryGetString(out var text) ? text : throw ScimException.InvalidValue($"{name} must be a string.");
    }

    private static string? ReadList(JsonObject body, string name)
    {
        var node = body.GetPropertyIgnoreCase(name);
        if (node is JsonArray array)
        {
            return string.Join(',', array.Select(item => item.TryGetString(out var text) ? text : throw ScimException.InvalidValue($"{name} must be an array of attribute names.")));
        }

        return ReadString(body, name);
    }
}
