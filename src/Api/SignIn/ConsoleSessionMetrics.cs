using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Total.Hosting.Telemetry;

namespace Total.Api.SignIn;

/// <summary>
/// Console sessions as metrics (meter <c>Total.Console</c>): started and ended (by reason) per tenant, and the
/// sessions this process served within the idle timeout ("active"). Sessions are cookies any API process can
/// serve, so the active gauge is per process: sum it across processes for an upper bound.
/// </summary>
public sealed class ConsoleSessionMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _started;
    private readonly Counter<long> _ended;
    private readonly ConcurrentDictionary<string, long> _lastSeen = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;

    public ConsoleSessionMetrics(IMeterFactory meters, IOptions<SignInOptions> options, TimeProvider time)
    {
        _time = time;
        _idleTimeout = options.Value.SessionIdleTimeout;
        _meter = meters.Create(TotalMeters.Console);
        _started = _meter.CreateCounter<long>("total.console.sessions.started", "{session}", "Console sessions issued after sign-in checks, by tenant.");
        _ended = _meter.CreateCounter<long>("total.console.sessions.ended", "{session}", "Console sessions ended, by tenant and reason (access_changed, signed_out, expired).");
        _meter.CreateObservableGauge("total.console.sessions.active", CountActive, "{session}", "Console sessions this process served within the idle timeout.");
    }

    public void Started(string tenantId, string sessionId)
    {
        _started.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));
        Seen(sessionId);
    }

    public void Seen(string sessionId) => _lastSeen[sessionId] = _time.GetTimestamp();

    public void Ended(string tenantId, string? sessionId, string reason)
    {
        _ended.Add(1, new TagList { { "tenant", tenantId }, { "reason", reason } });
        if (sessionId is not null)
        {
            _lastSeen.TryRemove(sessionId, out _);
        }
    }

    private int CountActive()
    {
        var now = _time.GetTimestamp();
        foreach (var (sessionId, seen) in _lastSeen)
        {
            if (_time.GetElapsedTime(seen, now) > _idleTimeout)
            {
                _lastSeen.TryRemove(sessionId, out _);
            }
        }

        return _lastSeen.Count;
    }

    public void Dispose() => _meter.Dispose();
}
