using System.Globalization;

namespace Total.Api.Scim.RateLimiting;

/// <summary>
/// Runs after token authentication, so only a tenant's own authenticated calls spend its budget: a flood
/// of bad tokens aimed at a tenant's URL cannot lock its provisioning out. Over the rate or the in-flight cap
/// (<see cref="TenantRateLimiter"/>): 429 with <c>Retry-After</c> and a SCIM error body.
/// </summary>
public sealed class ScimRateLimitFilter(TenantRateLimiter limiter, ScimMetrics metrics, TimeProvider time, ILogger<ScimRateLimitFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = (string)http.Items[ScimAuthenticationFilter.TenantIdItem]!;
        var (acquired, retryAfter, lease, refusal) = limiter.TryAcquire(tenantId);
        if (!acquired)
        {
            metrics.RateLimited(tenantId);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            if (limiter.ShouldWarn(tenantId, time.GetUtcNow()))
            {
                logger.LogWarning("SCIM rate limit reached for tenant {TenantId} ({Refusal}); answering 429 with Retry-After {RetryAfterSeconds}s (logged at most once a minute per tenant). If this tenant's provisioning is legitimately this busy, raise Scim__RateLimit__*", tenantId, refusal, seconds);
            }

            return ScimResults.Error(StatusCodes.Status429TooManyRequests, null, $"Too many requests for this tenant ({refusal}); retry after {seconds} s.");
        }

        using (lease)
        {
            return await next(context);
        }
    }
}
