using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Total.Bench;

/// <summary>How long a phase ran and, when measured, the CPU cores each process used meanwhile.</summary>
internal readonly record struct PhaseTiming(double? Seconds, IReadOnlyDictionary<string, double>? Cores);

/// <summary>The per-phase request table printed by the bench tools, and the same numbers as JSON.</summary>
internal static class StatsTable
{
    /// <summary>Every phase the recorder saw, in order, each with its timing when <paramref name="timing"/> knows it.</summary>
    public static void AppendPhases(StringBuilder text, Recorder recorder, Func<string, PhaseTiming> timing)
    {
        foreach (var phase in recorder.All.Select(s => s.Phase).Distinct())
        {
            var t = timing(phase);
            AppendPhase(text, phase, recorder.All.Where(s => s.Phase == phase).ToList(), t.Seconds, t.Cores);
        }
    }

    /// <summary>The first body of each unexpected (phase, kind, status), at most 20.</summary>
    public static void AppendSamples(StringBuilder text, Recorder recorder)
    {
        if (recorder.Samples.Count > 0)
        {
            text.AppendLine("== first unexpected responses:");
            foreach (var sample in recorder.Samples.Take(20))
            {
                text.Append("   [").Append(sample.Key).Append("] ").AppendLine(sample.Value);
            }
        }
    }

    /// <summary>
    /// The <c>phases</c> object: per phase its duration, rates, CPU by process and completions per second (when
    /// timed), the merged stats as <c>all</c> and each kind's under <c>byKind</c>.
    /// </summary>
    public static void WritePhases(Utf8JsonWriter json, Recorder recorder, Func<string, PhaseTiming> timing)
    {
        json.WriteStartObject("phases");
        foreach (var phase in recorder.All.Select(s => s.Phase).Distinct())
        {
            var stats = recorder.All.Where(s => s.Phase == phase).ToList();
            var merged = Merge(stats);
            json.WriteStartObject(phase);
            if (timing(phase) is { Seconds: { } seconds } t)
            {
                json.WriteNumber("seconds", seconds);
                json.WriteNumber("requestsPerSecond", merged.Latency.Count / seconds);
                json.WriteNumber("successPerSecond", (merged.Latency.Count - merged.NonSuccess - merged.ErrorCount) / seconds);
                if (t.Cores is { } cores)
                {
                    json.WriteStartObject("cpuCores");
                    foreach (var core in cores)
                    {
                        json.WriteNumber(core.Key, Math.Round(core.Value, 3));
                    }

                    json.WriteEndObject();
                }

                json.WriteStartArray("completedPerSecond");
                foreach (var c in recorder.PerSecond(phase, (int)Math.Ceiling(seconds)))
                {
                    json.WriteNumberValue(c);
                }

                json.WriteEndArray();
            }

            Write(json, "all", merged);
            json.WriteStartObject("byKind");
            foreach (var s in stats)
            {
                Write(json, s.Kind, s);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The <c>unexpectedSamples</c> object.</summary>
    public static void WriteSamples(Utf8JsonWriter json, Recorder recorder)
    {
        json.WriteStartObject("unexpectedSamples");
        foreach (var sample in recorder.Samples)
        {
            json.WriteString(sample.Key, sample.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>One phase: a header line, one row per kind plus ALL, the status histogram and, when known, CPU by process.</summary>
    public static void AppendPhase(StringBuilder text, string phase, IReadOnlyList<OpStats> stats, double? seconds, IReadOnlyDictionary<string, double>? cores)
    {
        var all = Merge(stats);
        var ok = all.Latency.Count - all.NonSuccess - all.ErrorCount;
        text.AppendLine(Invariant($"== {phase}: {all.Latency.Count} requests ({ok} 2xx){(seconds is { } s ? Invariant($" in {s:F1}s = {all.Latency.Count / s:F0} req/s, {ok / s:F0} 2xx/s") : "")}"));
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
        if (cores is not null)
        {
            text.AppendLine("   cpu (cores): " + string.Join(' ', cores.Select(c => Invariant($"{c.Key}={c.Value:F2}"))));
        }
    }

    /// <summary>Every kind of a phase added together, as the ALL row.</summary>
    public static OpStats Merge(IReadOnlyList<OpStats> stats)
    {
        var all = new OpStats(stats.Count > 0 ? stats[0].Phase : "", "ALL");
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
            all.Unexpected += s.Unexpected;
        }

        return all;
    }

    public static void Write(Utf8JsonWriter json, string name, OpStats s)
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

    public static string Ms(long micros) => (micros / 1000.0).ToString("F2", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
