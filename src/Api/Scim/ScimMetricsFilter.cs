using System.Diagnostics;

namespace Total.Api.Scim;

/// <summary>The outermost SCIM filter: counts and times every request, whatever answered it (see <see cref="ScimMetrics"/>).</summary>
public sealed class ScimMetricsFilter(ScimMetrics metrics) : IEndpointFilter
{
    private static readonly string[] Resources = ["Users", "Groups", "ServiceProviderConfig", "ResourceTypes", "Schemas"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var started = Stopwatch.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            var result = await next(context);
            status = ScimResults.StatusOf(result);
            return result;
        }
        finally
        {
            metrics.Request(http.Items[ScimAuthenticationFilter.TenantIdItem] as string, http.Request.Method, ResourceOf(http), status, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The resource type of the path (a fixed set, so the tag stays small), or "other".</summary>
    private static string ResourceOf(HttpContext http)
    {
        // scim/v2/{tenant}/{resource}/…: the fourth segment, read without splitting the path.
        var rest = http.Request.Path.Value.AsSpan().TrimStart('/');
        for (var skipped = 0; skipped < 3; skipped++)
        {
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                return "other";
            }

            rest = rest[(slash + 1)..];
        }

        var end = rest.IndexOf('/');
        var resource = end >= 0 ? rest[..end] : rest;
        foreach (var known in Resources)
        {
            if (resource.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return "other";
    }
}
