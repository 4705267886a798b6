using System.Diagnostics;
using System.Diagnostics.Metrics;
using Total.Grains.Abstractions.Access;

namespace Total.Grains.Access;

/// <summary>
/// Grants and revocations of admin access, and reconciliation runs, as OpenTelemetry-ready metrics
/// (meter <see cref="MeterName"/>). The tenant is a dimension: a silo serves thousands, not millions.
/// </summary>
public sealed class AccessMetrics : IDisposable
{
    public const string MeterName = "Total.Access";

    private readonly Meter _meter;
    private readonly Counter<long> _grants;
    private readonly Counter<long> _revocations;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;

    public AccessMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _grants = _meter.CreateCounter<long>("total.access.grants", "{grant}", "Admin access granted, by source (scim, graph, settings).");
        _revocations = _meter.CreateCounter<long>("total.access.revocations", "{revocation}", "Admin access revoked, by source (scim, graph, settings).");
        _runs = _meter.CreateCounter<long>("total.reconciliation.runs", "{run}", "Reconciliation runs, by outcome (ok, failed, skipped).");
        _runDuration = _meter.CreateHistogram<double>("total.reconciliation.duration", "s", "Duration of reconciliation runs.");
    }

    public void Changed(string tenantId, AccessEventKind kind, AccessChangeSource source)
    {
        var tags = new TagList { { "tenant", tenantId }, { "source", source.Name() } };
        (kind == AccessEventKind.Granted ? _grants : _revocations).Add(1, tags);
    }

    public void Reconciled(string tenantId, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "tenant", tenantId }, { "outcome", outcome } };
        _runs.Add(1, tags);
        _runDuration.Record(duration.TotalSeconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
