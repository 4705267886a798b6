using System.Text.Json.Nodes;

namespace Total.DevStandIns.Graph;

/// <summary>
/// <c>GET /groups/{id}/members</c> (direct members, <c>$select</c>/<c>$top</c>/<c>@odata.nextLink</c>; 404
/// Request_ResourceNotFound for an unknown group) and <c>GET /groups</c> (id and displayName), which the
/// product's reader uses for full listings and for its access probe.
/// </summary>
internal static class GraphGroupsEndpoints
{
    public static void Map(IEndpointRouteBuilder graph)
    {
        graph.MapGet("/groups/{groupId}/members", Members);
        graph.MapGet("/groups", Groups);
    }

    private static IResult Members(string groupId, HttpContext context)
    {
        var tenant = GraphRequestGate.Tenant(context);
        if (!GraphObjectIds.TryNormalize(groupId, out var id))
        {
            return GraphError.BadRequest(context, "Request_BadRequest", $"Invalid object identifier '{groupId}'.");
        }

        var (top, offset, error) = CollectionPaging.Read(context.Request.Query, tenant.Knobs.PageSize);
        if (error is not null)
        {
            return GraphError.BadRequest(context, "Request_BadRequest", error);
        }

        if (tenant.MembersOf(id) is not { } members)
        {
            return GraphError.NotFound(context, id);
        }

        tenant.Counters.CountMembers();
        var value = new JsonArray();
        foreach (var member in members.Skip(offset).Take(top))
        {
            value.Add(GraphResponses.User(member));
        }

        return GraphResponses.Page(
            $"{GraphResponses.ServiceRoot(context.Request)}/$metadata#directoryObjects(id)",
            value,
            nextLink: CollectionPaging.NextLink(context.Request, offset + top, members.Count));
    }

    private static IResult Groups(HttpContext context)
    {
        var tenant = GraphRequestGate.Tenant(context);
        var (top, offset, error) = CollectionPaging.Read(context.Request.Query, tenant.Knobs.PageSize);
        if (error is not null)
        {
            return GraphError.BadRequest(context, "Request_BadRequest", error);
        }

        tenant.Counters.CountGroupList();
        var groups = tenant.Groups();
        var value = new JsonArray();
        foreach (var (id, displayName) in groups.Skip(offset).Take(top))
        {
            value.Add(new JsonObject { ["id"] = id, ["displayName"] = displayName });
        }

        return GraphResponses.Page(
            $"{GraphResponses.ServiceRoot(context.Request)}/$metadata#groups(id,displayName)",
            value,
            nextLink: CollectionPaging.NextLink(context.Request, offset + top, groups.Count));
    }
}
