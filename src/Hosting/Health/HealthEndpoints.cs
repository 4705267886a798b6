using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Total.Hosting.Silos;

namespace Total.Hosting.Health;

/// <summary>
/// <c>/healthz</c>: the process can serve SCIM calls (a grain answers). <c>/readyz</c>: that, plus the database
/// answers and the process is not shutting down; load balancers route on it. <c>/livez</c>: the process itself
/// answers HTTP, nothing more: the liveness probe of the API, which must not be restarted because silos are away.
/// </summary>
public static class HealthEndpoints
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static IServiceCollection AddTotalHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<GrainCallHealthCheck>("orleans", tags: [Live, Ready])
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [Ready]);
        if (TotalModes.ConnectionString(configuration) is not null)
        {
            checks.AddCheck<PostgresHealthCheck>("postgres", tags: [Ready]);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapTotalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", Options(Live));
        endpoints.MapHealthChecks("/readyz", Options(Ready));
        endpoints.MapHealthChecks("/livez", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var mode = context.RequestServices.GetRequiredService<RunMode>().Mode;
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            mode = mode.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
