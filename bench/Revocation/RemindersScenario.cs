using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Total.Revocation;

/// <summary>
/// Target: 10,000 tenants on one silo, each with its reconciliation reminder. Onboards them through the operator
/// API, then reports the reminder rows, the server's memory (RSS and live heap), and over an idle window the
/// server's and PostgreSQL's CPU and the reconciliation runs that happened (state writes, and each tenant's status).
/// </summary>
internal static class RemindersScenario
{
    public static async Task RunAsync(BenchContext bench)
    {
        var o = bench.Options;
        var findings = bench.Findings;
        var database = o.PostgresConnection is { } connection ? new ServerDatabase(connection) : null;

        bench.Recorder.StartPhase("onboard");
        var cpu0 = bench.Cpu();
        var started = Stopwatch.GetTimestamp();
        var tenants = new string?[o.Tenants];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, o.Tenants), new ParallelOptions { MaxDegreeOfParallelism = o.SetupConcurrency }, async (i, _) =>
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"bench-{bench.RunId}-reminders-{i}");
            tenants[i] = (await bench.Operator.OnboardAsync("onboard", i, name, [], null, null))?.TenantId;
            if (Interlocked.Increment(ref done) % 1000 == 0)
            {
                Findings.Say(Findings.Invariant($"onboard: {done} tenants after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0}s"));
            }
        });
        var onboardSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        findings.Phase("onboard", onboardSeconds, CpuSnapshot.CoresUsed(cpu0, bench.Cpu()));
        var onboarded = tenants.OfType<string>().ToList();
        Findings.Say(Findings.Invariant($"== reminders: {onboarded.Count} tenants onboarded in {onboardSeconds:F1}s ({onboarded.Count / onboardSeconds:F0}/s)"));
        findings.Value("reminders.tenants", onboarded.Count);
        findings.Value("reminders.onboardSeconds", Math.Round(onboardSeconds, 1));
        findings.Check(onboarded.Count == o.Tenants, $"{o.Tenants - onboarded.Count} tenants were not onboarded");

        if (database is not null)
        {
            var rows = await database.ReminderRowsAsync();
            findings.Value("reminders.reminderRows", rows);
            Findings.Say($"   orleansreminderstable rows: {rows}");
            findings.Check(rows == onboarded.Count, $"{rows} reminder rows for {onboarded.Count} tenants");
        }

        await MemoryAsync(bench, "afterOnboarding");
        if (o.SettleSeconds > 0)
        {
            Findings.Say($"   settling {o.SettleSeconds}s before the idle window");
            await Task.Delay(TimeSpan.FromSeconds(o.SettleSeconds));
        }

        // The idle window: nothing but the reminders (and whatever they start) runs on the server.
        var writes0 = database is null ? 0 : await database.ReconciliationWritesAsync();
        var windowStart = DateTimeOffset.UtcNow;
        var windowCpu0 = bench.Cpu();
        await Task.Delay(TimeSpan.FromSeconds(o.WindowSeconds));
        var cores = CpuSnapshot.CoresUsed(windowCpu0, bench.Cpu());
        var windowEnd = DateTimeOffset.UtcNow;
        var writes1 = database is null ? 0 : await database.ReconciliationWritesAsync();
        findings.Phase("idle-window", o.WindowSeconds, cores);
        findings.Value("reminders.window", new Dictionary<string, object>
        {
            ["seconds"] = o.WindowSeconds,
            ["cpuCores"] = cores.ToDictionary(c => c.Key, c => Math.Round(c.Value, 3), StringComparer.Ordinal),
        });
        Findings.Say(Findings.Invariant($"   idle window {o.WindowSeconds}s: cpu (cores) {string.Join(' ', cores.Select(c => Findings.Invariant($"{c.Key}={c.Value:F3}")))}"));

        await StatusesAsync(bench, onboarded, windowStart, windowEnd, database is null ? null : writes1 - writes0, cores);
        await MemoryAsync(bench, "afterWindow");
    }

    /// <summary>Each tenant's reconciliation status: the period, and whether its last run fell inside the window.</summary>
    private static async Task StatusesAsync(BenchContext bench, List<string> tenants, DateTimeOffset windowStart, DateTimeOffset windowEnd, long? runsFromWrites, Dictionary<string, double> cores)
    {
        var o = bench.Options;
        var findings = bench.Findings;
        var ranSinceStart = 0;
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        TimeSpan? period = null;
        var periodLock = new Lock();
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = o.SetupConcurrency }, async (tenantId, _) =>
        {
            if (await bench.Operator.ReconciliationAsync("status", tenantId, runNow: false) is not { } status)
            {
                return;
            }

            lock (periodLock)
            {
                period ??= TimeSpan.Parse((string)status["period"]!, CultureInfo.InvariantCulture);
            }

            outcomes.AddOrUpdate(status["outcome"]?.ToString() ?? "?", 1, (_, c) => c + 1);
            // Read after the window, so a tenant may have run again since it ended: "ran since the window began".
            if (status["lastRunAt"] is JsonValue at && at.GetValue<DateTimeOffset>() >= windowStart)
            {
                Interlocked.Increment(ref ranSinceStart);
            }
        });

        var seconds = (windowEnd - windowStart).TotalSeconds;
        var implied = period is { } p ? tenants.Count / p.TotalSeconds : 0;
        findings.Value("reminders.periodSeconds", period?.TotalSeconds ?? 0);
        findings.Value("reminders.impliedTicksPerSecond", Math.Round(implied, 2));
        findings.Value("reminders.tenantsRunSinceWindowStart", ranSinceStart);
        findings.Value("reminders.outcomes", outcomes.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
        Findings.Say(Findings.Invariant($"   period {period}: {tenants.Count} reminders imply {implied:F1} ticks/s, {implied * seconds:F0} runs in {seconds:F0}s"));
        Findings.Say($"   tenants that ran since the window began: {ranSinceStart} of {tenants.Count}; outcomes: {string.Join(' ', outcomes.Select(c => $"{c.Key}={c.Value}"))}");
        if (runsFromWrites is { } runs)
        {
            var serverCoreSeconds = cores.GetValueOrDefault("server") * seconds;
            var pgCoreSeconds = cores.GetValueOrDefault("postgres") * seconds;
            findings.Value("reminders.runsInWindow", runs);
            findings.Value("reminders.runsPerSecond", Math.Round(runs / seconds, 2));
            findings.Value("reminders.serverCpuMsPerRun", runs == 0 ? 0 : Math.Round(serverCoreSeconds * 1000 / runs, 3));
            findings.Value("reminders.postgresCpuMsPerRun", runs == 0 ? 0 : Math.Round(pgCoreSeconds * 1000 / runs, 3));
            Findings.Say(Findings.Invariant($"   runs in the window (reconciliation state writes): {runs} = {runs / seconds:F1}/s; CPU per run: server {(runs == 0 ? 0 : serverCoreSeconds * 1000 / runs):F2} ms, PostgreSQL {(runs == 0 ? 0 : pgCoreSeconds * 1000 / runs):F2} ms"));
        }

        findings.Check(ranSinceStart == tenants.Count || period is not { } q || q.TotalSeconds > seconds, $"only {ranSinceStart} of {tenants.Count} tenants ran during the {seconds:F0}s window although the period is {period}");
    }

    /// <summary>RSS from /proc, and the live heap after a full compacting collection with the activations by grain type.</summary>
    private static async Task MemoryAsync(BenchContext bench, string when)
    {
        var rss = bench.Options.ServerPid is { } pid ? CpuSnapshot.RssBytes(pid) : null;
        var diagnostics = await bench.Operator.DiagnosticsAsync("diagnostics", collect: true);
        var heap = (long?)diagnostics?["process"]?["gcHeapBytes"];
        bench.Findings.Value($"reminders.memory.{when}", new Dictionary<string, object?>
        {
            ["rssBytes"] = rss,
            ["liveHeapBytes"] = heap,
            ["activations"] = diagnostics?["activations"],
        });
        Findings.Say(Findings.Invariant($"   memory {when}: RSS {rss / 1048576.0:F0} MiB, live heap {heap / 1048576.0:F0} MiB; activations {diagnostics?["activations"]?.ToJsonString()}"));
    }
}
