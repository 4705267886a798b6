using System.Diagnostics;
using System.Diagnostics.Metrics;
using Total.Hosting.Telemetry;

namespace Total.Api.Scim;

/// <summary>
/// SCIM traffic as metrics (meter <c>Total.Scim</c>): requests by tenant, method, resource and status; latency by
/// method, resource and status (no tenant: a histogram per tenant would be too many series); rate-limit
/// rejections by tenant. The tenant is named only once its token was accepted, so forged tenant ids in URLs
/// cannot create series.
/// </summary>
public sealed class ScimMetrics : IDisposable
{
    public const string Unauthenticated = "(unauthenticated)";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rateLimited;

    public ScimMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(TotalMeters.Scim);
        _requests = _meter.CreateCounter<long>("total.scim.requests", "{request}", "SCIM requests by tenant, method, resource and status.");
        _duration = _meter.CreateHistogram<double>("total.scim.request.duration", "s", "SCIM request latency by method, resource and status.");
        _rateLimited = _meter.CreateCounter<long>("total.scim.rate_limited", "{request}", "SCIM requests refused with 429 by the per-tenant rate limit.");
    }

    public void Request(string? tenantId, string method, string resource, int status, TimeSpan elapsed)
    {
        var statusTag = new KeyValuePair<string, object?>("status", status);
        _requests.Add(1, new TagList { { "tenant", tenantId ?? Unauthenticated }, { "method", method }, { "resource", resource }, statusTag });
        _duration.Record(elapsed.TotalSeconds, new TagList { { "method", method }, { "resource", resource }, statusTag });
    }

    public void RateLimited(string tenantId) => _rateLimited.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));

    public void Dispose() => _meter.Dispose();
}
