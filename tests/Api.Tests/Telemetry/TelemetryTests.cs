using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Total.Api.Tests.SignIn;
using Total.Hosting.Telemetry;

namespace Total.Api.Tests.Telemetry;

/// <summary>OpenTelemetry: one trace from the HTTP request through the grain calls it makes, and SCIM metrics by tenant.</summary>
public sealed class TelemetryTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    [Fact]
    public async Task Grain_calls_continue_the_http_requests_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<(string Source, string Name)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" || TelemetryHosting.ActivitySources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Add((activity.Source.Name, activity.DisplayName));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);

        // Like Entra, the caller sends its own traceparent; the test's client must not replace it with its own.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = tenant.ScimBase };
        client.DefaultRequestHeaders.Authorization = new("Bearer", tenant.ScimToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users?filter=userName%20eq%20%22nobody%40contoso.example%22");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);

        // The server stops the request's span just after the response is written: wait for it, briefly.
        for (var i = 0; i < 50 && !spans.Any(span => span.Source == "Microsoft.AspNetCore"); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Contains(spans, span => span.Source == "Microsoft.AspNetCore");
        Assert.Contains(spans, span => span.Source.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
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
}
