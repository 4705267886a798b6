using System.Text.Json.Nodes;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory;
using Total.Scim.Projection;
using Total.Scim.Schema;

namespace Total.Api.Scim;

/// <summary>Turns stored resources into responses: <c>meta.location</c> for the URL the client used, projection, ETag.</summary>
public sealed class ScimResourceRenderer(ScimBaseUrl baseUrl)
{
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

        var resource = Render(request, tenantId, schema, outcome.Resource, projection);
        var stored = ScimJson.Read(outcome.Resource);
        if (stored["meta"]?["version"] is JsonValue version)
        {
            request.HttpContext.Response.Headers.ETag = (string)version!;
        }

        if (outcome.Status == StatusCodes.Status201Created)
        {
            request.HttpContext.Response.Headers.Location = Location(request, tenantId, schema, (string)stored["id"]!);
        }

        return ScimResults.Json(resource, outcome.Status);
    }
}
