using Total.Scim.Errors;
using Total.Scim.Schema;

namespace Total.Api.Scim;

/// <summary>RFC 7644 §4 discovery: read-only; any other method is 405 and a filter is 403 (as the RFC asks).</summary>
public static class ScimDiscoveryEndpoints
{
    public static void MapScimDiscovery(this RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpRequest request, ScimBaseUrl baseUrl, string tenantId) =>
            Guarded(request, () => ScimDiscovery.ServiceProviderConfig(baseUrl.For(request, tenantId), ScimServiceProviderCapabilities.Default)));
        scim.MapGet("/ResourceTypes", (HttpRequest request, ScimBaseUrl baseUrl, string tenantId) =>
            Guarded(request, () => ScimDiscovery.ResourceTypeList(baseUrl.For(request, tenantId))));
        scim.MapGet("/ResourceTypes/{name}", (HttpRequest request, ScimBaseUrl baseUrl, string tenantId, string name) =>
            ScimDiscovery.ResourceTypes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) is { } type
                ? ScimResults.Json(ScimDiscovery.ResourceType(baseUrl.For(request, tenantId), type))
                : ScimResults.Error(ScimException.NotFound($"There is no resource type '{name}'; there are User and Group.")));
        scim.MapGet("/Schemas", (HttpRequest request, ScimBaseUrl baseUrl, string tenantId) =>
            Guarded(request, () => ScimDiscovery.SchemaList(baseUrl.For(request, tenantId))));
        scim.MapGet("/Schemas/{id}", (HttpRequest request, ScimBaseUrl baseUrl, string tenantId, string id) =>
            ScimDiscovery.FindSchema(id) is { } schema
                ? ScimResults.Json(ScimDiscovery.Schema(baseUrl.For(request, tenantId), schema))
                : ScimResults.Error(ScimException.NotFound($"There is no schema '{id}'.")));
        scim.MapMethodNotAllowed("/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/{name}", "/Schemas", "/Schemas/{id}");
    }

    private static IResult Guarded(HttpRequest request, Func<System.Text.Json.Nodes.JsonObject> document) =>
        request.Query.ContainsKey("filter")
            ? ScimResults.Error(StatusCodes.Status403Forbidden, null, "Discovery endpoints do not support filtering (RFC 7644 §4).")
            : ScimResults.Json(document());
}
