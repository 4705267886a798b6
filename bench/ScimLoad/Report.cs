using System.Globalization;
using System.Text;
using System.Text.Json;
using static Total.Bench.StatsTable;

namespace Total.ScimLoad;

/// <summary>The stdout table and the JSON results file.</summary>
internal sealed class Report(Options options, Recorder recorder)
{
    private readonly Dictionary<string, (double Seconds, Dictionary<string, double> Cores)> _phases = new(StringComparer.Ordinal);
    private readonly List<(string Label, long Bytes)> _rss = [];
    private ProbeResult? _probe;
    private BigGroupResult? _bigGroup;
    private int _users;

    /// <summary>No errors, no unexpected status, no failed content check.</summary>
    public bool Clean => recorder.All.All(s => s.Unexpected == 0 && s.ErrorCount == 0 && s.CheckFailures == 0);

    public void Phase(string name, double seconds, Dictionary<string, double> cores) => _phases[name] = (seconds, cores);

    public void Rss(string label, int? pid)
    {
        if (pid is { } p && CpuSnapshot.RssBytes(p) is { } bytes)
        {
            _rss.Add((label, bytes));
        }
    }

    public void Probe(ProbeResult result) => _probe = result;

    public void BigGroup(BigGroupResult result) => _bigGroup = result;

    public void Users(int users) => _users = users;

    public void Print()
    {
        var text = new StringBuilder();
        StatsTable.AppendPhases(text, recorder, Timing);

        if (_probe is { } probe)
        {
            text.AppendLine(Invariant(
                $"== fairness probe: target {probe.TargetRate:F0} req/s, achieved {probe.Succeeded / probe.Seconds:F1} req/s 2xx ({probe.Completed} of {probe.Scheduled} sent, {probe.StartedLate} started late); latency from schedule p50 {Ms(probe.FromSchedule.Percentile(50))} p99 {Ms(probe.FromSchedule.Percentile(99))} max {Ms(probe.FromSchedule.Max)} ms"));
        }

        if (_bigGroup is { } big)
        {
            text.AppendLine(Invariant($"== big group: {big.Members} members (server reports {big.MembersReported?.ToString(CultureInfo.InvariantCulture) ?? "?"}); users {big.SetupUsersSeconds:F1}s, members {big.SetupMembersSeconds:F1}s"));
            foreach (var op in new[] { "add1", "remove1" })
            {
                if (big.Latency.TryGetValue("big." + op, out var b) && big.Latency.TryGetValue("small." + op, out var s))
                {
                    text.AppendLine(Invariant(
                        $"   {op,-8} big p50 {Ms(b.P50)} p99 {Ms(b.P99)} ms | small p50 {Ms(s.P50)} p99 {Ms(s.P99)} ms | ratio p50 {Ratio(b.P50, s.P50)} p99 {Ratio(b.P99, s.P99)}"));
                }
            }
        }

        if (_rss.Count > 0)
        {
            text.AppendLine("== server RSS: " + string.Join(' ', _rss.Select(r => Invariant($"{r.Label}={r.Bytes / 1048576.0:F0}MiB"))) + Invariant($"; users provisioned: {_users}"));
        }

        StatsTable.AppendSamples(text, recorder);
        text.AppendLine(Clean ? "RESULT: clean (no errors, no unexpected statuses, no failed checks)" : "RESULT: NOT clean (see non2xx / errors / checks above)");
        Console.Write(text.ToString());
    }

    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("when", DateTimeOffset.UtcNow);
            json.WriteStartObject("options");
            json.WriteString("url", options.Url.ToString());
            json.WriteNumber("tenants", options.Tenants);
            json.WriteNumber("usersPerTenant", options.UsersPerTenant);
            json.WriteNumber("groupsPerTenant", options.GroupsPerTenant);
            json.WriteNumber("durationSeconds", options.DurationSeconds);
            json.WriteNumber("concurrency", options.Concurrency);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("conflictRate", options.ConflictRate);
            json.WriteBoolean("probeTenant", options.ProbeTenant);
            json.WriteNumber("tenantRate", options.TenantRate);
            json.WriteString("label", options.Label);
            json.WriteNumber("probeRate", options.ProbeRate);
            json.WriteNumber("bigGroup", options.BigGroup);
            json.WriteNumber("processorCount", Environment.ProcessorCount);
            json.WriteEndObject();
            json.WriteBoolean("clean", Clean);
            json.WriteNumber("usersProvisioned", _users);
            StatsTable.WritePhases(json, recorder, Timing);
            if (_probe is { } probe)
            {
                json.WriteStartObject("fairnessProbe");
                json.WriteNumber("targetRate", probe.TargetRate);
                json.WriteNumber("achievedRate2xx", probe.Succeeded / probe.Seconds);
                json.WriteNumber("scheduled", probe.Scheduled);
                json.WriteNumber("completed", probe.Completed);
                json.WriteNumber("startedLate", probe.StartedLate);
                json.WriteNumber("fromScheduleP50Ms", probe.FromSchedule.Percentile(50) / 1000.0);
                json.WriteNumber("fromScheduleP99Ms", probe.FromSchedule.Percentile(99) / 1000.0);
                json.WriteNumber("fromScheduleMaxMs", probe.FromSchedule.Max / 1000.0);
                json.WriteEndObject();
            }

            if (_bigGroup is { } big)
            {
                json.WriteStartObject("bigGroup");
                json.WriteNumber("requested", big.Requested);
                json.WriteNumber("members", big.Members);
                if (big.MembersReported is { } reported)
                {
                    json.WriteNumber("membersReportedByServer", reported);
                }

                json.WriteNumber("setupUsersSeconds", big.SetupUsersSeconds);
                json.WriteNumber("setupMembersSeconds", big.SetupMembersSeconds);
                foreach (var (kind, (p50, p99, count)) in big.Latency)
                {
                    json.WriteStartObject(kind);
                    json.WriteNumber("count", count);
                    json.WriteNumber("p50Ms", p50 / 1000.0);
                    json.WriteNumber("p99Ms", p99 / 1000.0);
                    json.WriteEndObject();
                }

                foreach (var op in new[] { "add1", "remove1" })
                {
                    if (big.Latency.TryGetValue("big." + op, out var b) && big.Latency.TryGetValue("small." + op, out var s) && s.P50 > 0 && s.P99 > 0)
                    {
                        json.WriteNumber(op + "RatioP50", (double)b.P50 / s.P50);
                        json.WriteNumber(op + "RatioP99", (double)b.P99 / s.P99);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteStartArray("serverRss");
            foreach (var (label, bytes) in _rss)
            {
                json.WriteStartObject();
                json.WriteString("at", label);
                json.WriteNumber("bytes", bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            StatsTable.WriteSamples(json, recorder);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>A phase's duration (the probe's own, for the probe phase) and CPU use, when measured.</summary>
    private PhaseTiming Timing(string phase) =>
        phase == "probe" && _probe is not null ? new PhaseTiming(_probe.Seconds, _phases.GetValueOrDefault(phase).Cores)
        : _phases.TryGetValue(phase, out var p) ? new PhaseTiming(p.Seconds, p.Cores)
        : default;

    private static string Ratio(long a, long b) => b == 0 ? "-" : ((double)a / b).ToString("F2", CultureInfo.InvariantCulture);
}
