using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Total.Revocation;

/// <summary>
/// What a scenario measured: named numbers (printed as they are found and written to the JSON file), the
/// request tables of every phase, and the checks that failed (any failure makes the run not clean).
/// </summary>
internal sealed class Findings(RevocationOptions options, Recorder recorder)
{
    private readonly Lock _sync = new();
    private readonly List<KeyValuePair<string, object>> _values = [];
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, (double Seconds, Dictionary<string, double>? Cores)> _phases = new(StringComparer.Ordinal);

    /// <summary>No failed check, and no request that got an answer a correct server does not give.</summary>
    public bool Clean => _failures.Count == 0 && recorder.All.All(s => s.Unexpected == 0 && s.ErrorCount == 0 && s.CheckFailures == 0);

    public static void Say(string text) => Console.WriteLine(text);

    public void Value(string key, object value)
    {
        lock (_sync)
        {
            _values.Add(new(key, value));
        }
    }

    /// <summary>Count, p50/p95/p99/max (ms) of <paramref name="histogram"/> under <paramref name="key"/>, and a line saying so.</summary>
    public void Latency(string key, string what, LatencyHistogram histogram)
    {
        Value(key, new Dictionary<string, double>
        {
            ["count"] = histogram.Count,
            ["p50Ms"] = histogram.Percentile(50) / 1000.0,
            ["p95Ms"] = histogram.Percentile(95) / 1000.0,
            ["p99Ms"] = histogram.Percentile(99) / 1000.0,
            ["maxMs"] = histogram.Max / 1000.0,
        });
        Say(StatsTable.Invariant($"   {what}: n={histogram.Count} p50 {StatsTable.Ms(histogram.Percentile(50))} p95 {StatsTable.Ms(histogram.Percentile(95))} p99 {StatsTable.Ms(histogram.Percentile(99))} max {StatsTable.Ms(histogram.Max)} ms"));
    }

    /// <summary>A check that did not hold: printed now, listed at the end, and the run is not clean.</summary>
    public void Fail(string what)
    {
        lock (_sync)
        {
            _failures.Add(what);
        }

        Say("CHECK FAILED: " + what);
    }

    public void Check(bool holds, string what)
    {
        if (!holds)
        {
            Fail(what);
        }
    }

    /// <summary>The duration (and CPU by process, when measured) of a phase, for its request table.</summary>
    public void Phase(string name, double seconds, Dictionary<string, double>? cores = null) => _phases[name] = (seconds, cores);

    public void PrintTables()
    {
        var text = new StringBuilder();
        StatsTable.AppendPhases(text, recorder, Timing);
        StatsTable.AppendSamples(text, recorder);
        foreach (var failure in _failures)
        {
            text.Append("CHECK FAILED: ").AppendLine(failure);
        }

        text.AppendLine(Clean ? "RESULT: clean (all checks held, no unexpected answers)" : "RESULT: NOT clean (see the checks and the tables above)");
        Console.Write(text.ToString());
    }

    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("when", DateTimeOffset.UtcNow);
            json.WriteString("scenario", options.Scenario.ToString());
            json.WriteString("label", options.Label);
            json.WriteNumber("processorCount", Environment.ProcessorCount);
            json.WriteBoolean("clean", Clean);
            json.WritePropertyName("results");
            JsonSerializer.Serialize(json, _values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
            json.WriteStartArray("failures");
            foreach (var failure in _failures)
            {
                json.WriteStringValue(failure);
            }

            json.WriteEndArray();
            StatsTable.WritePhases(json, recorder, Timing);
            StatsTable.WriteSamples(json, recorder);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private PhaseTiming Timing(string phase) => _phases.TryGetValue(phase, out var p) ? new PhaseTiming(p.Seconds, p.Cores) : default;

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
