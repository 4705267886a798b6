using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityToolkit.HighPerformance.Buffers;
using Total.Grains.Abstractions.Directory;
using Total.Scim.Json;
using Total.Scim.Messages;
using Total.Scim.Projection;
using Total.Scim.Schema;

namespace Total.Api.Scim;

/// <summary>Turns stored resources into responses: <c>meta.location</c> for the URL the client used, projection, ETag.</summary>
/// <remarks>
/// A stored resource is already what a client may read (no returned=never attribute, no null), so without a
/// projection that changes it the stored JSON is copied to the response as it is read, with only
/// <c>meta.location</c> added: no tree of nodes is built for the answers Entra gets.
/// </remarks>
public sealed class ScimResourceRenderer(ScimBaseUrl baseUrl)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ScimJson.Options.Encoder };

    /// <summary>The HTTP answer to a grain outcome: the resource (with ETag, and Location on 201), 204, or the SCIM error.</summary>
    public IResult Result(HttpRequest request, string tenantId, ScimResourceSchema schema, ScimOutcome outcome, AttributeProjection projection)
    {
        if (!outcome.Succeeded)
        {
            return ScimResults.Error(outcome.Status, outcome.ScimType, outcome.Detail ?? "The request failed.");
        }

        if (outcome.Resource is null)
        {
            return Results.NoContent();
        }

        var body = new ArrayPoolBufferWriter<byte>(outcome.Resource.Length + 1024);
        StoredResourceKeys keys;
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            keys = Write(writer, request, tenantId, schema, outcome.Resource, projection);
        }

        if (keys.Version is not null)
        {
            request.HttpContext.Response.Headers.ETag = keys.Version;
        }

        if (outcome.Status == StatusCodes.Status201Created && keys.Id is not null)
        {
            request.HttpContext.Response.Headers.Location = Location(request, tenantId, schema, keys.Id);
        }

        return new ScimJsonResult(body, outcome.Status);
    }

    /// <summary>A ListResponse of stored resources, each rendered as <see cref="Write"/> does.</summary>
    public IResult List(HttpRequest request, string tenantId, ScimResourceSchema schema, IReadOnlyList<string> resources, int totalResults, int startIndex, AttributeProjection projection)
    {
        var body = new ArrayPoolBufferWriter<byte>(1024 + resources.Sum(resource => resource.Length + 256));
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            ScimListResponse.Write(writer, totalResults, startIndex, resources.Count, items =>
            {
                foreach (var resource in resources)
                {
                    Write(items, request, tenantId, schema, resource, projection);
                }
            });
        }

        return new ScimJsonResult(body, StatusCodes.Status200OK);
    }

    /// <summary>Writes one stored resource as answered to this request, and returns its id and version.</summary>
    public StoredResourceKeys Write(Utf8JsonWriter writer, HttpRequest request, string tenantId, ScimResourceSchema schema, string stored, AttributeProjection projection)
    {
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        var meta = root.TryGetProperty("meta", out var metaValue) && metaValue.ValueKind == JsonValueKind.Object ? metaValue : (JsonElement?)null;
        var version = meta?.TryGetProperty("version", out var versionValue) == true && versionValue.ValueKind == JsonValueKind.String ? versionValue.GetString() : null;
        if (!projection.LeavesUnchanged(name => Has(root, name)))
        {
            Render(request, tenantId, schema, stored, projection).WriteTo(writer);
            return new StoredResourceKeys(id, version);
        }

        writer.WriteStartObject();
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("meta") && meta is not null && id is not null)
            {
                writer.WriteStartObject(property.Name);
                foreach (var item in property.Value.EnumerateObject())
                {
                    item.WriteTo(writer);
                }

                writer.WriteString("location", Location(request, tenantId, schema, id));
                writer.WriteEndObject();
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        return new StoredResourceKeys(id, version);
    }

    /// <summary>A stored resource as a JSON object, with its location and projected: the general path.</summary>
    public JsonObject Render(HttpRequest request, string tenantId, ScimResourceSchema schema, string stored, AttributeProjection projection)
    {
        var resource = ScimJson.Read(stored);
        if (resource["meta"] is JsonObject meta)
        {
            meta["location"] = Location(request, tenantId, schema, (string)resource["id"]!);
        }

        return projection.Apply(resource, schema);
    }

    public string Location(HttpRequest request, string tenantId, ScimResourceSchema schema, string id) =>
        $"{baseUrl.For(request, tenantId)}/{schema.Endpoint.TrimStart('/')}/{Uri.EscapeDataString(id)}";

    private static bool Has(JsonElement resource, string name)
    {
        foreach (var property in resource.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What the HTTP edge needs of a stored resource besides its body: its id (Location) and version (ETag).</summary>
public readonly record struct StoredResourceKeys(string? Id, string? Version);
