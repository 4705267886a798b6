using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Errors;

namespace Total.Scim.Schema;

/// <summary>
/// Bounds the length of every string a resource stores (<c>userName</c>, <c>displayName</c>, <c>externalId</c>,
/// <c>emails[0].value</c>, …). The body size already bounds a request; this keeps one value from being most of it,
/// since unique names are held in memory by the directory and echoed in logs and errors. Over the bound: 400
/// invalidValue naming the attribute (never the value).
/// </summary>
public static class StringValueLimit
{
    /// <summary>4,096 characters: well above what Entra sends (a userPrincipalName is at most 113, a displayName 256).</summary>
    public const int DefaultMaxLength = 4096;

    /// <summary>Throws when a string anywhere in <paramref name="resource"/> is longer than <paramref name="maxLength"/>.</summary>
    /// <exception cref="ScimException">400 invalidValue.</exception>
    public static void Check(JsonObject resource, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(resource);

        // Every write passes here and almost none is over the bound: look first, name the attribute only when one is.
        if (!HasLongString(resource, maxLength))
        {
            return;
        }

        foreach (var (key, value) in resource)
        {
            // Extension attributes are named as Entra maps them: urn:…:User:department.
            var separator = key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) ? ":" : ".";
            if (value is JsonObject extension && separator == ":")
            {
                foreach (var (name, item) in extension)
                {
                    Check(item, key + separator + name, maxLength);
                }
            }
            else
            {
                Check(value, key, maxLength);
            }
        }
    }

    private static bool HasLongString(JsonNode? node, int maxLength)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (HasLongString(value, maxLength))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (HasLongString(item, maxLength))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValue value:
                return IsLongString(value, maxLength);
            default:
                return false;
        }
    }

    /// <summary>
    /// A value parsed from the request is measured on its UTF-8 text, without making a string of it: a character
    /// takes at least one byte (an escape more), so text of at most <paramref name="maxLength"/> bytes is short.
    /// </summary>
    private static bool IsLongString(JsonValue value, int maxLength)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            const int Quotes = 2;
            return JsonMarshal.GetRawUtf8Value(element).Length - Quotes > maxLength && element.GetString()!.Length > maxLength;
        }

        return value.GetValue<string>().Length > maxLength;
    }

    private static void Check(JsonNode? node, string path, int maxLength)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Check(value, path + "." + key, maxLength);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", maxLength);
                }

                break;
            case JsonValue value when IsLongString(value, maxLength):
                throw ScimException.InvalidValue($"Attribute '{path}' is longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters.");
        }
    }
}
