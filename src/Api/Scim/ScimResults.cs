using System.Text.Json.Nodes;

namespace Total.Api.Scim;

/// <summary>SCIM responses: <c>application/scim+json</c> bodies, errors in the RFC 7644 §3.12 shape.</summary>
public static class ScimResults
{
    public const string MediaType = "application/scim+json";

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), MediaType, System.Text.Encoding.UTF8, statusCode);

    public static IResult Error(int status, string? scimType, string detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:Error"),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        body["detail"] = detail;
        return Json(body, status);
    }
}
