using System.Globalization;
using System.Text;
using System.Text.Json;

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
        foreach (var phase in recorder.All.Select(s => s.Phase).Distinct())
        {
            var stats = recorder.All.Where(s => s.Phase == phase).ToList();
            var all = Merge(stats);
            var seconds = _phases.TryGetValue(phase, out var p) ? p.Seconds : (double?)null;
            if (phase == "probe" && _probe is not null)
            {
                seconds = _probe.Seconds;
            }

            var ok = all.Latency.Count - all.NonSuccess - all.ErrorCount;
            text.AppendLine(Invariant($"== {phase}: {all.Latency.Count} requests ({ok} 2xx){(seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $" in {s:F1}s = {all.Latency.Count / s:F0} req/s, {ok / s:F0} 2xx/s") : "")}"));
            text.AppendLine(Invariant($"   {"kind",-24} {"count",8} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"non2xx",7} {"errors",7} {"checks",7}"));
            foreach (var row in stats.Append(all))
            {
                var h = row.Latency;
                text.AppendLine(Invariant(
                    $"   {row.Kind,-24} {h.Count,8} {(seconds is { } sec ? (h.Count / sec).ToString("F0", CultureInfo.InvariantCulture) : "-"),8} {Ms(h.Percentile(50)),8} {Ms(h.Percentile(95)),8} {Ms(h.Percentile(99)),8} {Ms(h.Max),8} {row.NonSuccess,7} {row.ErrorCount,7} {row.CheckFailures,7}"));
            }

            var statuses = stats.SelectMany(s => s.Statuses).GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Sum(x => x.Value)}");
            var errors = stats.SelectMany(s => s.Errors).GroupBy(s => s.Key).Select(g => $"{g.Key}={g.Sum(x => x.Value)}").ToList();
            text.AppendLine("   statuses: " + string.Join(' ', statuses) + (errors.Count > 0 ? "   errors: " + string.Join(' ', errors) : ""));
            if (p.Cores is { } cores)
            {
                text.AppendLine("   cpu (cores): " + string.Join(' ', cores.Select(c => Invariant($"{c.Key}={c.Value:F2}"))));
            }
        }

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

        var samples = recorder.Samples;
        if (samples.Count > 0)
        {
            text.AppendLine("== first unexpected responses:");
            foreach (var sample in samples.Take(20))
            {
                text.Append("   [").Append(sample.Key).Append("] ").AppendLine(sample.Value);
            }
        }

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
            json.WriteStartObject("phases");
            foreach (var phase in recorder.All.Select(s => s.Phase).Distinct())
            {
                var stats = recorder.All.Where(s => s.Phase == phase).ToList();
                json.WriteStartObject(phase);
                if (_phases.TryGetValue(phase, out var p))
                {
                    json.WriteNumber("seconds", p.Seconds);
                    var merged = Merge(stats);
                    json.WriteNumber("requestsPerSecond", merged.Latency.Count / p.Seconds);
                    json.WriteNumber("successPerSecond", (merged.Latency.Count - merged.NonSuccess - merged.ErrorCount) / p.Seconds);
                    json.WriteStartObject("cpuCores");
                    foreach (var core in p.Cores)
                    {
                        json.WriteNumber(core.Key, Math.Round(core.Value, 3));
                    }

                    json.WriteEndObject();
                    json.WriteStartArray("completedPerSecond");
                    foreach (var c in recorder.PerSecond(phase, (int)Math.Ceiling(p.Seconds)))
                    {
                        json.WriteNumberValue(c);
                    }

                    json.WriteEndArray();
                }

                WriteStats(json, "all", Merge(stats));
                json.WriteStartObject("byKind");
                foreach (var s in stats)
                {
                    WriteStats(json, s.Kind, s);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
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
            json.WriteStartObject("unexpectedSamples");
            foreach (var sample in recorder.Samples)
            {
                json.WriteString(sample.Key, sample.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteStats(Utf8JsonWriter json, string name, OpStats s)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", s.Latency.Count);
        json.WriteNumber("p50Ms", s.Latency.Percentile(50) / 1000.0);
        json.WriteNumber("p95Ms", s.Latency.Percentile(95) / 1000.0);
        json.WriteNumber("p99Ms", s.Latency.Percentile(99) / 1000.0);
        json.WriteNumber("maxMs", s.Latency.Max / 1000.0);
        json.WriteNumber("meanMs", Math.Round(s.Latency.MeanMicros / 1000.0, 3));
        json.WriteNumber("non2xx", s.NonSuccess);
        json.WriteNumber("unexpected", s.Unexpected);
        json.WriteNumber("checkFailures", s.CheckFailures);
        json.WriteStartObject("statuses");
        foreach (var status in s.Statuses.OrderBy(x => x.Key))
        {
            json.WriteNumber(status.Key.ToString(CultureInfo.InvariantCulture), status.Value);
        }

        json.WriteEndObject();
        json.WriteStartObject("errors");
        foreach (var error in s.Errors)
        {
            json.WriteNumber(error.Key, error.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static OpStats Merge(List<OpStats> stats)
    {
        var all = new OpStats(stats.FirstOrDefault()?.Phase ?? "", "ALL");
        foreach (var s in stats)
        {
            all.Latency.Add(s.Latency);
            foreach (var status in s.Statuses)
            {
                all.Statuses.AddOrUpdate(status.Key, status.Value, (_, c) => c + status.Value);
            }

            foreach (var error in s.Errors)
            {
                all.Errors.AddOrUpdate(error.Key, error.Value, (_, c) => c + error.Value);
            }

            all.CheckFailures += s.CheckFailures;
        }

        return all;
    }

    private static string Ms(long micros) => (micros / 1000.0).ToString("F2", CultureInfo.InvariantCulture);

    private static string Ratio(long a, long b) => b == 0 ? "-" : ((double)a / b).ToString("F2", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
