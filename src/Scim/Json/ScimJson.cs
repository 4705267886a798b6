using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Total.Scim.Json;

/// <summary>How resources are written as text: compact, and without escaping non-ASCII, so values read back as sent.</summary>
public static class ScimJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>Parses a stored resource (always an object: it was written by <see cref="Write"/>).</summary>
    public static JsonObject Read(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Parses a stored resource held as UTF-8.</summary>
    public static JsonObject Read(ReadOnlySpan<byte> utf8Json) => JsonNode.Parse(utf8Json)!.AsObject();
}
