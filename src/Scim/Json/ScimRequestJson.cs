using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Errors;

namespace Total.Scim.Json;

/// <summary>
/// Reads a request body as JSON the way a network edge must: one well-formed object, nested at most
/// <c>maxDepth</c> levels, no member name twice in one object, and no <c>\u</c> escape that decodes to an
/// unpaired surrogate. The last two would otherwise surface later as exceptions from <see cref="JsonObject"/>
/// (a 500), not as the client's mistake. Each of those is 400 invalidSyntax; a <c>\u0000</c> in a string is
/// 400 invalidValue.
/// </summary>
public static class ScimRequestJson
{
    /// <summary>The default nesting bound: far above any SCIM shape (a PATCH adding members nests 5 levels).</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>Checks UTF-8 JSON text without building a tree: the cheap gate before a body travels further.</summary>
    /// <exception cref="ScimException">400 invalidSyntax naming the line and position of the problem.</exception>
    public static void Validate(ReadOnlySpan<byte> utf8Json, int maxDepth = DefaultMaxDepth)
    {
        // One level of slack so this loop, not the reader, reports the depth with a clear message.
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            if (!reader.Read())
            {
                throw ScimException.InvalidSyntax("The request needs a JSON body.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotAnObject();
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when reader.CurrentDepth >= maxDepth:
                        throw ScimException.InvalidSyntax($"The request body nests deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels.");
                    case JsonTokenType.PropertyName or JsonTokenType.String when reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal):
                        // Legal JSON, but no attribute can hold it and PostgreSQL text cannot store it.
                        throw ScimException.InvalidValue($"The request body has a string with the NUL character (\\u0000) before byte {reader.BytesConsumed.ToString(CultureInfo.InvariantCulture)}; no SCIM attribute can hold it.");
                }
            }
            while (reader.Read());
        }
        catch (JsonException exception)
        {
            throw NotJson(exception);
        }
        catch (InvalidOperationException)
        {
            throw ScimException.InvalidSyntax($"The request body has a string with an unpaired UTF-16 surrogate escape (such as a lone \\ud800) before byte {reader.BytesConsumed.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>Parses a request body into an object after <see cref="Validate"/>.</summary>
    /// <exception cref="ScimException">400 invalidSyntax.</exception>
    public static JsonObject ParseObject(string json, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
        Validate(utf8, maxDepth);
        try
        {
            return JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false }) as JsonObject
                ?? throw NotAnObject();
        }
        catch (JsonException exception)
        {
            throw NotJson(exception);
        }
    }

    /// <summary>
    /// Parses a body that <see cref="Validate"/> accepted where it arrived (the API validates every SCIM body as it
    /// reads it), without a second validation pass.
    /// </summary>
    /// <exception cref="ScimException">400 invalidSyntax when it is not a JSON object after all.</exception>
    public static JsonObject ParseValidatedObject(string json, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false }) as JsonObject
                ?? throw NotAnObject();
        }
        catch (JsonException exception)
        {
            throw NotJson(exception);
        }
    }

    private static ScimException NotAnObject() => ScimException.InvalidSyntax("The request body must be a JSON object.");

    private static ScimException NotJson(JsonException exception) => exception.LineNumber is { } line
        ? ScimException.InvalidSyntax($"The request body is not valid JSON (line {(line + 1).ToString(CultureInfo.InvariantCulture)}, position {exception.BytePositionInLine?.ToString(CultureInfo.InvariantCulture)}).")
        : ScimException.InvalidSyntax($"The request body is not valid JSON: {Shortened(exception.Message)}");

    /// <summary>A duplicate-name error has no position but names the member (a name, never a value), which may be as long as the body.</summary>
    private static string Shortened(string message) => message.Length <= 200 ? message : message[..200] + "…";
}
