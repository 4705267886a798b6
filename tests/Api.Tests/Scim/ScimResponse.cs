using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Total.Api.Tests.Scim;

/// <summary>One SCIM answer, read whole: status, headers and the body as text and as JSON.</summary>
public sealed record ScimResponse(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>The <c>Resources</c> of a ListResponse.</summary>
    public IReadOnlyList<JsonObject> Resources => Json[nameof(Resources)]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];

    public int TotalResults => (int)Json["totalResults"]!;

    /// <summary>The SCIM error body (RFC 7644 §3.12), checked for the Error schema and a string status equal to the HTTP one.</summary>
    public JsonObject Error
    {
        get
        {
            var error = Json;
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
            Assert.Equal(((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture), error["status"]!.GetValue<string>());
            return error;
        }
    }

    public string? ScimType => (string?)Error["scimType"];
}
