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
/// name, resource attributes); without it nothing is recorded, exported or dialled.
/// </summary>
public static class TelemetryHosting
{
    /// <summary>The meters TOTAL publishes, besides ASP.NET Core's, HttpClient's and Orleans'.</summary>
    public static readonly string[] Meters = [AccessMetrics.MeterName, TotalMeters.Scim, TotalMeters.Console, "Microsoft.Orleans"];

    /// <summary>Orleans' activity sources: grain calls become spans of the HTTP request's trace.</summary>
    public static readonly string[] ActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Whether telemetry leaves the process: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without it no
    /// span or metric is recorded for OpenTelemetry at all (nothing would read them), so no request pays for it.
    /// </summary>
    public static bool IsExporting(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]);

    public static IHostApplicationBuilder AddTotalTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        // Every log line, console included, names the trace it belongs to.
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!IsExporting(builder.Configuration))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? serviceName))
            .WithTracing(tracing => tracing
                .AddSource(ActivitySources)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>Kubernetes probes hit every few seconds: tracing them would drown the real traffic.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/livez");
}
