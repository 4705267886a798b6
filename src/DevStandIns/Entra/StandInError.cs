using System.Globalization;

namespace Total.DevStandIns.Entra;

/// <summary>
/// A token-endpoint error in Entra's shape: OAuth 2.0 <c>error</c>, an <c>error_description</c> that starts
/// with an AADSTS code, <c>error_codes</c>, and trace ids. The codes follow Entra's where one fits; they are
/// for people reading logs, not for matching.
/// </summary>
internal static class StandInError
{
    public static IResult Json(int statusCode, string error, int aadsts, string message, DateTimeOffset now)
    {
        var traceId = Guid.NewGuid().ToString("D");
        var correlationId = Guid.NewGuid().ToString("D");
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = FormattableString.Invariant($"AADSTS{aadsts}: {message} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}"),
            ["error_codes"] = new[] { aadsts },
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
        };
        return Results.Json(body, statusCode: statusCode);
    }

    public static IResult InvalidGrant(int aadsts, string message, DateTimeOffset now) =>
        Json(StatusCodes.Status400BadRequest, "invalid_grant", aadsts, message, now);

    public static IResult InvalidRequest(int aadsts, string message, DateTimeOffset now) =>
        Json(StatusCodes.Status400BadRequest, "invalid_request", aadsts, message, now);

    /// <summary>Entra's answer when a tenant's app registrations refuse the client; null when it was accepted.</summary>
    public static IResult? RefusedClient(ClientCheck check, string clientId, Guid entraTenantId, DateTimeOffset now) => check switch
    {
        ClientCheck.UnknownClient => Json(
            StatusCodes.Status400BadRequest,
            "unauthorized_client",
            700016,
            $"Application with identifier '{clientId}' was not found in the directory '{entraTenantId:D}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.",
            now),
        ClientCheck.WrongSecret => Json(
            StatusCodes.Status401Unauthorized,
            "invalid_client",
            7000215,
            $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.",
            now),
        ClientCheck.AssertionNotVerifiable => Json(
            StatusCodes.Status401Unauthorized,
            "invalid_client",
            700027,
            $"Client assertion failed signature validation: the local Entra stand-in cannot verify certificates; app '{clientId}' is registered with a secret, send client_secret.",
            now),
        _ => null,
    };
}
