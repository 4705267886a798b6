using Total.DevStandIns.Entra;

namespace Total.DevStandIns.Graph;

/// <summary>
/// What every Graph stand-in request goes through before its endpoint, in Graph's order: the bearer token
/// (401 InvalidAuthenticationToken), the tenant's knobs (delay, 429 TooManyRequests, 503 serviceNotAvailable)
/// and the permission (403 Authorization_RequestDenied without GroupMember.Read.All or once consent is revoked).
/// </summary>
internal static class GraphRequestGate
{
    private static readonly object TenantKey = new();

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var services = context.RequestServices;
        var (caller, error) = await services.GetRequiredService<GraphAccessTokenValidator>().ValidateAsync(context.Request);
        if (caller is null)
        {
            return GraphError.InvalidToken(context, error!);
        }

        var tenant = services.GetRequiredService<GraphStandInDirectory>().Tenant(caller.TenantId);
        tenant.Counters.CountRequest();
        if (tenant.Knobs.ResponseDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(tenant.Knobs.ResponseDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up waiting (its timeout): nobody reads this answer.
                return Results.Empty;
            }
        }

        if (tenant.Knobs.Throttling.TryTake(out var throttleSeconds))
        {
            tenant.Counters.CountThrottled();
            return Fault(context, throttleSeconds, StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests. Please wait for the time given in Retry-After and retry.");
        }

        if (tenant.Knobs.Outage.TryTake(out var outageSeconds))
        {
            tenant.Counters.CountFailed();
            return Fault(context, outageSeconds, StatusCodes.Status503ServiceUnavailable, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.");
        }

        // Graph trusts the roles baked into the token; the live consent check lets a test revoke consent
        // without waiting an hour for the cached token to expire.
        if (!caller.MayReadGroupMembers || !services.GetRequiredService<StandInAppRegistrations>().HasConsent(caller.TenantId, caller.AppId))
        {
            tenant.Counters.CountDenied();
            return GraphError.Forbidden(context);
        }

        context.Items[TenantKey] = tenant;
        return await next(invocation);
    }

    private static IResult Fault(HttpContext context, int? retryAfterSeconds, int status, string code, string message)
    {
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return GraphError.Json(context, status, code, message);
    }

    /// <summary>The caller's tenant, set by <see cref="FilterAsync"/>.</summary>
    public static GraphStandInTenant Tenant(HttpContext context) => (GraphStandInTenant)context.Items[TenantKey]!;
}
