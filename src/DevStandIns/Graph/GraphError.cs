using System.Globalization;

namespace Total.DevStandIns.Graph;

/// <summary>
/// A Microsoft Graph error response: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>
/// with the <c>request-id</c> and <c>client-request-id</c> headers Graph sends, in one place.
/// </summary>
internal static class GraphError
{
    public static IResult Json(HttpContext context, int statusCode, string code, string message)
    {
        var requestId = Guid.NewGuid().ToString("D");
        var clientRequestId = context.Request.Headers["client-request-id"].FirstOrDefault() ?? requestId;
        context.Response.Headers["request-id"] = requestId;
        context.Response.Headers["client-request-id"] = clientRequestId;
        var body = new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, object>
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new Dictionary<string, string>
                {
                    ["date"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = clientRequestId,
                },
            },
        };
        return Results.Json(body, statusCode: statusCode);
    }

    /// <summary>401 with the <c>WWW-Authenticate</c> challenge Graph sends.</summary>
    public static IResult InvalidToken(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate =
            "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";
        return Json(context, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", message);
    }

    public static IResult Forbidden(HttpContext context) =>
        Json(context, StatusCodes.Status403Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

    public static IResult NotFound(HttpContext context, string objectId) =>
        Json(context, StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"Resource '{objectId}' does not exist or one of its queried reference-property objects are not present.");

    public static IResult BadRequest(HttpContext context, string code, string message) =>
        Json(context, StatusCodes.Status400BadRequest, code, message);
}
