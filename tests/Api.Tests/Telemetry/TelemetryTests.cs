using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.SignIn;
using Total.Hosting.Telemetry;

namespace Total.Api.Tests.Telemetry;

/// <summary>
/// OpenTelemetry: with an OTLP endpoint, one trace from the HTTP request through the grain calls it makes, exported;
/// without one, grain calls record nothing. SCIM metrics by tenant either way (any MeterListener, dotnet-counters
/// included, reads them).
/// </summary>
public sealed class TelemetryTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_an_otlp_endpoint_grain_calls_continue_the_http_requests_trace_and_the_trace_is_exported()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var settings = TestSettings.ForServer();
        foreach (var (key, value) in collector.ExporterSettings())
        {
            settings[key] = value;
        }

        await using var server = await TotalServer.StartApiAsync(settings);
        var traceId = ActivityTraceId.CreateRandom();
        using var spans = new TraceSpans(traceId);

        await SendTracedLookupAsync(server, traceId);

        // The server stops the request's span just after the response is written: wait for it, briefly.
        await WaitUntilAsync(() => spans.Sources.Contains("Microsoft.AspNetCore") && collector.Exports.Contains("/v1/traces"));
        Assert.Contains("Microsoft.AspNetCore", spans.Sources);
        Assert.Contains(spans.Sources, source => source.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.Contains("/v1/traces", collector.Exports);
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_grain_calls_record_no_spans()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var spans = new TraceSpans(traceId);

        await SendTracedLookupAsync(fixture.Server, traceId);

        await WaitUntilAsync(() => spans.Sources.Contains("Microsoft.AspNetCore"));
        Assert.Contains("Microsoft.AspNetCore", spans.Sources);
        Assert.DoesNotContain(spans.Sources, source => source.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scim_requests_are_counted_by_tenant_method_resource_and_status()
    {
        var measurements = new ConcurrentBag<Dictionary<string, object?>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TotalMeters.Scim && instrument.Name == "total.scim.requests")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            measurements.Add(copy);
        });
        listener.Start();

        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        await tenant.ProvisionUserAsync();
        await tenant.SendScimAsync(HttpMethod.Get, "Users", null, "totscim_wrong");

        Assert.Contains(measurements, m => (string?)m["tenant"] == tenant.TenantId && (string?)m["method"] == "POST" && (string?)m["resource"] == "Users" && (int?)m["status"] == 201);
        Assert.Contains(measurements, m => (string?)m["tenant"] == tenant.TenantId && (string?)m["resource"] == "Groups");
        Assert.Contains(measurements, m => (string?)m["tenant"] == "(unauthenticated)" && (int?)m["status"] == 401);
    }

    /// <summary>Like Entra, the caller sends its own traceparent; the test's client must not replace it with its own.</summary>
    private static async Task SendTracedLookupAsync(TotalServer server, ActivityTraceId traceId)
    {
        var tenant = await SignInTenant.OnboardAsync(server);
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = tenant.ScimBase };
        client.DefaultRequestHeaders.Authorization = new("Bearer", tenant.ScimToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users?filter=userName%20eq%20%22nobody%40contoso.example%22");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, Cancel)).StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100, Cancel);
        }
    }

    /// <summary>The sources of every span of one trace that ASP.NET Core or Orleans records in this process.</summary>
    private sealed class TraceSpans : IDisposable
    {
        private readonly ConcurrentBag<string> _sources = [];
        private readonly ActivityListener _listener;

        public TraceSpans(ActivityTraceId traceId)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" || TelemetryHosting.ActivitySources.Contains(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.TraceId == traceId)
                    {
                        _sources.Add(activity.Source.Name);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<string> Sources => _sources;

        public void Dispose() => _listener.Dispose();
    }
}
