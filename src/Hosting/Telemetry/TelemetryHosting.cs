using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Total.Grains.Access;

namespace Total.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: traces across HTTP and grain calls (Orleans propagates the activity), TOTAL's
/// and Orleans' metrics, and logs carrying the trace and span ids. Exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the other <c>OTEL_*</c> variables: protocol, headers, service
/// name, resource attributes); without it nothing is exported and nothing is dialled.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>The meters TOTAL publishes, besides ASP.NET Core's, HttpClient's and Orleans'.</summary>
    public static readonly string[] Meters = [AccessMetrics.MeterName, TotalMeters.Scim, TotalMeters.Console, "Microsoft.Orleans"];

    /// <summary>Orleans' activity sources: grain calls become spans of the HTTP request's trace.</summary>
    public static readonly string[] ActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static IHostApplicationBuilder AddTotalTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        // Every log line, console included, names the trace it belongs to.
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? serviceName))
            .WithTracing(tracing => tracing
                .AddSource(ActivitySources)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Kubernetes probes hit every few seconds: tracing them would drown the real traffic.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/livez");
}
