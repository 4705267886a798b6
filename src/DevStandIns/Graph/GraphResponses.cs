using System.Text.Json.Nodes;
using Total.Hosting.Http;

namespace Total.DevStandIns.Graph;

/// <summary>Graph's OData JSON answers: the content type it sends and the service root links are built from.</summary>
internal static class GraphResponses
{
    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /// <summary>The v1.0 service root as this request reached it, e.g. <c>https://127.0.0.1:5443/graph/v1.0</c>.</summary>
    public static string ServiceRoot(HttpRequest request) => SiteRoot.Of(request) + GraphStandInHosting.BasePath;

    public static IResult Ok(JsonObject body) => Results.Text(body.ToJsonString(), ContentType);

    /// <summary>A collection page: <c>@odata.context</c>, then the next or delta link, then <c>value</c>.</summary>
    public static IResult Page(string context, JsonArray value, string? nextLink = null, string? deltaLink = null)
    {
        var body = new JsonObject { ["@odata.context"] = context };
        if (nextLink is not null)
        {
            body["@odata.nextLink"] = nextLink;
        }

        if (deltaLink is not null)
        {
            body["@odata.deltaLink"] = deltaLink;
        }

        body["value"] = value;
        return Ok(body);
    }

    /// <summary>A member as a directoryObject collection shows it with only GroupMember.Read.All: its type and id.</summary>
    public static JsonObject User(string id) => new() { ["@odata.type"] = "#microsoft.graph.user", ["id"] = id };
}
