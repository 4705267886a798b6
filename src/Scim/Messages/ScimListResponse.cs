using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Schema;

namespace Total.Scim.Messages;

/// <summary>
/// Writes the RFC 7644 §3.4.2 ListResponse. <c>totalResults</c>, <c>startIndex</c> and
/// <c>itemsPerPage</c> are JSON integers (Okta's tests reject strings); a query with no hits is a
/// 200 with an empty <c>Resources</c> array, never a 404 (Entra quarantines on 404).
/// </summary>
public static class ScimListResponse
{
    /// <summary>Creates a list response for one page.</summary>
    /// <param name="resources">The page's resources (already projected); copied if attached elsewhere.</param>
    /// <param name="totalResults">Number of matches over all pages.</param>
    /// <param name="startIndex">1-based index of the first resource of the page.</param>
    public static JsonObject Create(IEnumerable<JsonObject> resources, int totalResults, int startIndex)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var items = new JsonArray();
        foreach (var resource in resources)
        {
            items.Add(resource.Parent is null ? resource : resource.DeepClone());
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = totalResults,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = items.Count,
            ["Resources"] = items,
        };
    }

    /// <summary>Writes a list response for one page; <paramref name="writeResources"/> writes its resources, in order.</summary>
    /// <param name="writer">Where the response goes.</param>
    /// <param name="totalResults">Number of matches over all pages.</param>
    /// <param name="startIndex">1-based index of the first resource of the page.</param>
    /// <param name="itemsPerPage">How many resources <paramref name="writeResources"/> writes.</param>
    /// <param name="writeResources">Writes each resource as a JSON object into the <c>Resources</c> array.</param>
    public static void Write(Utf8JsonWriter writer, int totalResults, int startIndex, int itemsPerPage, Action<Utf8JsonWriter> writeResources)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(writeResources);
        writer.WriteStartObject();
        writer.WriteStartArray("schemas");
        writer.WriteStringValue(ScimSchemas.ListResponse);
        writer.WriteEndArray();
        writer.WriteNumber("totalResults", totalResults);
        writer.WriteNumber("startIndex", startIndex);
        writer.WriteNumber("itemsPerPage", itemsPerPage);
        writer.WriteStartArray("Resources");
        writeResources(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
