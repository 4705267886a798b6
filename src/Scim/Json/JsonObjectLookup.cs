using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Total.Scim.Json;

/// <summary>
/// Case-insensitive access to JSON properties: SCIM attribute names are case-insensitive
/// (RFC 7643 §2.1) while <see cref="JsonObject"/> is case-sensitive.
/// </summary>
internal static class JsonObjectLookup
{
    public static JsonNode? GetPropertyIgnoreCase(this JsonObject obj, string name) =>
        obj.GetPropertyIgnoreCase(name, out _);

    public static JsonNode? GetPropertyIgnoreCase(this JsonObject obj, string name, out string? actualKey)
    {
        // Stored resources are normalised to canonical names, so the exact lookup almost always hits.
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            actualKey = name;
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                actualKey = key;
                return value;
            }
        }

        actualKey = null;
        return null;
    }

    public static bool RemovePropertyIgnoreCase(this JsonObject obj, string name)
    {
        var removed = false;
        while (obj.GetPropertyIgnoreCase(name, out var key) is not null || key is not null)
        {
            obj.Remove(key!);
            removed = true;
        }

        return removed;
    }

    /// <summary>Sets a property under its canonical name, dropping differently-cased duplicates.</summary>
    public static void SetCanonical(this JsonObject obj, string canonicalName, JsonNode? value)
    {
        obj.RemovePropertyIgnoreCase(canonicalName);
        obj[canonicalName] = value;
    }

    public static JsonValueKind Kind(this JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool TryGetString(this JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        if (node is JsonValue jsonValue && jsonValue.GetValueKind() == JsonValueKind.String)
        {
            value = jsonValue.GetValue<string>();
            return true;
        }

        value = null;
        return false;
    }

    public static bool TryGetBoolean(this JsonNode? node, out bool value)
    {
        switch (node.Kind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryGetDecimal(this JsonNode? node, out decimal value)
    {
        if (node.Kind() == JsonValueKind.Number)
        {
            // Parsing the JSON text works for every backing type (JsonElement, long, double, ...).
            return decimal.TryParse(
                node!.ToJsonString(),
                System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture,
                out value);
        }

        value = 0;
        return false;
    }

    /// <summary>Describes a JSON kind for error details without echoing the value.</summary>
    public static string Describe(this JsonNode? node) => node.Kind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
