using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Directory;
using Total.Scim;
using Total.Scim.Errors;
using Total.Scim.Json;
using Total.Scim.Messages;
using Total.Scim.Projection;

namespace Total.Api.Scim;

/// <summary>
/// <c>/Users</c> and <c>/Groups</c>: list/filter, <c>.search</c>, create, read, replace, patch, delete, each a
/// call to the resource's grain (writes) or the tenant's directory query (lists).
/// </summary>
public static class ScimResourceEndpoints
{
    private const int MaxIdLength = 128;

    public static void MapScimResource(this RouteGroupBuilder scim, ScimResourceKind kind)
    {
        var resources = scim.MapGroup(kind.Schema.Endpoint);
        resources.MapGet("", (HttpRequest request, string tenantId, IGrainFactory grains, ScimResourceRenderer renderer, IOptions<ScimLimitsOptions> limits) =>
            ListAsync(request, tenantId, kind, ListQuery.FromQuery(request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())), limits.Value.ListQuery), request.Query["filter"], grains, renderer));
        resources.MapPost("/.search", async (HttpRequest request, string tenantId, IGrainFactory grains, ScimResourceRenderer renderer, ScimRequestBody body, IOptions<ScimLimitsOptions> limits, CancellationToken cancellationToken) =>
        {
            var search = ScimRequestJson.ParseObject(await body.ReadAsync(request, cancellationToken), limits.Value.MaxJsonDepth);
            var filter = search.FirstOrDefault(p => string.Equals(p.Key, "filter", StringComparison.OrdinalIgnoreCase)).Value?.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? (string?)search.First(p => string.Equals(p.Key, "filter", StringComparison.OrdinalIgnoreCase)).Value
                : null;
            return await ListAsync(request, tenantId, kind, ListQuery.FromSearchRequest(search, limits.Value.ListQuery), filter, grains, renderer);
        });
        resources.MapPost("", async (HttpRequest request, string tenantId, IGrainFactory grains, ScimResourceRenderer renderer, ScimRequestBody body, CancellationToken cancellationToken) =>
        {
            var json = await body.ReadAsync(request, cancellationToken);
            var outcome = await kind.Create(grains, tenantId, Guid.CreateVersion7().ToString(), json, ScimCallRequest.Describe(request.HttpContext));
            return renderer.Result(request, tenantId, kind.Schema, outcome, Projection(request));
        });
        resources.MapGet("/{id}", async (HttpRequest request, string tenantId, string id, IGrainFactory grains, ScimResourceRenderer renderer) =>
        {
            if (!IsPlausibleId(id))
            {
                return NotFound(kind, id);
            }

            var projection = Projection(request);
            var outcome = await kind.Get(grains, tenantId, id, projection);
            return renderer.Result(request, tenantId, kind.Schema, outcome, projection);
        });
        resources.MapPut("/{id}", (HttpRequest request, string tenantId, string id, IGrainFactory grains, ScimResourceRenderer renderer, ScimRequestBody body, CancellationToken cancellationToken) =>
            WriteAsync(request, tenantId, id, kind, body, renderer, (json, projection) => kind.Replace(grains, tenantId, id, json, IfMatch(request), projection, ScimCallRequest.Describe(request.HttpContext)), cancellationToken));
        resources.MapPatch("/{id}", (HttpRequest request, string tenantId, string id, IGrainFactory grains, ScimResourceRenderer renderer, ScimRequestBody body, CancellationToken cancellationToken) =>
            WriteAsync(request, tenantId, id, kind, body, renderer, (json, projection) => kind.Patch(grains, tenantId, id, json, IfMatch(request), projection, ScimCallRequest.Describe(request.HttpContext)), cancellationToken));
        resources.MapDelete("/{id}", async (HttpRequest request, string tenantId, string id, IGrainFactory grains, ScimResourceRenderer renderer) =>
        {
            if (!IsPlausibleId(id))
            {
                return NotFound(kind, id);
            }

            var outcome = await kind.Delete(grains, tenantId, id, IfMatch(request), ScimCallRequest.Describe(request.HttpContext));
            return renderer.Result(request, tenantId, kind.Schema, outcome, AttributeProjection.None);
        });
        resources.MapMethodNotAllowed("", "/.search", "/{id}");
    }

    private static async Task<IResult> WriteAsync(
        HttpRequest request,
        string tenantId,
        string id,
        ScimResourceKind kind,
        ScimRequestBody body,
        ScimResourceRenderer renderer,
        Func<string, AttributeProjection, Task<ScimOutcome>> write,
        CancellationToken cancellationToken)
    {
        if (!IsPlausibleId(id))
        {
            return NotFound(kind, id);
        }

        var json = await body.ReadAsync(request, cancellationToken);
        var projection = Projection(request);
        var outcome = await write(json, projection);
        return renderer.Result(request, tenantId, kind.Schema, outcome, projection);
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, string tenantId, ScimResourceKind kind, ListQuery query, string? rawFilter, IGrainFactory grains, ScimResourceRenderer renderer)
    {
        var page = await ScimDirectory.QueryAsync(grains, tenantId, kind.Schema, query, rawFilter);
        if (page.Error is { } error)
        {
            return ScimResults.Error(error.Status, error.ScimType, error.Detail ?? "The query is not valid.");
        }

        var resources = page.Resources;
        if (kind.HasMembers && ScimResourceKind.WantsMembers(query.Projection))
        {
            // The directory holds groups without their members: read each from its grain, with them.
            var withMembers = new List<string>(resources.Count);
            foreach (var stored in resources)
            {
                var id = (string)ScimJson.Read(stored)["id"]!;
                withMembers.Add((await kind.Get(grains, tenantId, id, query.Projection)).Resource ?? stored);
            }

            resources = withMembers;
        }

        return renderer.List(request, tenantId, kind.Schema, resources, page.TotalResults, query.StartIndex, query.Projection);
    }

    private static AttributeProjection Projection(HttpRequest request) =>
        AttributeProjection.Parse(request.Query["attributes"], request.Query["excludedAttributes"]);

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch is { Count: > 0 } values ? values.ToString() : null;

    /// <summary>Ids are server-made; one no resource can have is answered without a grain call (or a database query that chokes on NUL).</summary>
    private static bool IsPlausibleId(string id) => id.Length is > 0 and <= MaxIdLength && !id.Any(char.IsControl);

    private static IResult NotFound(ScimResourceKind kind, string id) =>
        ScimResults.Error(ScimException.NotFound($"{kind.Name} '{(id.Length > MaxIdLength ? id[..MaxIdLength] + "…" : id)}' does not exist in this tenant."));
}
