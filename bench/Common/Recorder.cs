using System.Collections.Concurrent;
using System.Diagnostics;

namespace Total.Bench;

/// <summary>Latency, status and error counts of one operation kind (e.g. <c>users.lookup</c>) in one phase.</summary>
internal sealed class OpStats(string phase, string kind)
{
    public string Phase { get; } = phase;

    public string Kind { get; } = kind;

    public LatencyHistogram Latency { get; } = new();

    public ConcurrentDictionary<int, long> Statuses { get; } = new();

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Responses whose status was fine but whose content was not what Entra expects (e.g. a lookup of an existing user with 0 hits).</summary>
    public long CheckFailures;

    public long NonSuccess => Statuses.Where(s => s.Key is < 200 or > 299).Sum(s => s.Value);

    /// <summary>Responses other than what the request expected from a correct server (e.g. 201 for a create, 409 for a deliberate conflict).</summary>
    public long Unexpected;

    public long ErrorCount => Errors.Values.Sum();
}

/// <summary>One sample of every request: phase + kind → histogram, statuses, errors; and completions per second.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<(string Phase, string Kind), OpStats> _stats = new();
    private readonly ConcurrentDictionary<string, long[]> _perSecond = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _phaseStart = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _samples = new(StringComparer.Ordinal);

    public IEnumerable<OpStats> All => _stats.Values.OrderBy(s => s.Phase, StringComparer.Ordinal).ThenBy(s => s.Kind, StringComparer.Ordinal);

    /// <summary>First response body seen for each unexpected (phase, kind, status), for the report.</summary>
    public IReadOnlyDictionary<string, string> Samples => _samples;

    public OpStats For(string phase, string kind) => _stats.GetOrAdd((phase, kind), k => new OpStats(k.Phase, k.Kind));

    public void StartPhase(string phase)
    {
        _phaseStart[phase] = Stopwatch.GetTimestamp();
        _perSecond.TryAdd(phase, new long[7200]);
    }

    public void Record(string phase, string kind, int status, long micros, bool expected)
    {
        var stats = For(phase, kind);
        stats.Latency.Record(micros);
        stats.Statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
        if (!expected)
        {
            Interlocked.Increment(ref stats.Unexpected);
        }

        Tick(phase);
    }

    public void RecordError(string phase, string kind, string error, long micros)
    {
        var stats = For(phase, kind);
        stats.Latency.Record(micros);
        stats.Errors.AddOrUpdate(error, 1, (_, c) => c + 1);
        Tick(phase);
    }

    public void CheckFailed(string phase, string kind, string detail)
    {
        Interlocked.Increment(ref For(phase, kind).CheckFailures);
        _samples.TryAdd($"{phase} {kind} check", detail);
    }

    public void Sample(string phase, string kind, int status, string body) =>
        _samples.TryAdd($"{phase} {kind} {status}", body.Length > 600 ? body[..600] + "…" : body);

    public long[] PerSecond(string phase, int seconds) =>
        _perSecond.TryGetValue(phase, out var counts) ? counts.Take(Math.Min(seconds, counts.Length)).ToArray() : [];

    private void Tick(string phase)
    {
        if (_phaseStart.TryGetValue(phase, out var start) && _perSecond.TryGetValue(phase, out var counts))
        {
            var second = (int)Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (second < counts.Length)
            {
                Interlocked.Increment(ref counts[second]);
            }
        }
    }
}
