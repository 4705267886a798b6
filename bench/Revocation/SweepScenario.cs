using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Total.Revocation;

/// <summary>
/// Target: a reconciliation sweep of many tenants against Microsoft Graph (the stand-in) revokes exactly the
/// admins removed in Entra only. Each tenant has an app registration and an admin group provisioned over SCIM
/// and seeded in the Graph stand-in with the same members. Before each sweep <c>--removed-per-sweep</c> admins
/// per tenant leave the group in Graph only; then <c>POST /operator/tenants/{id}/reconciliation</c> runs for every
/// tenant, <c>--sweep-concurrency</c> at a time. Optionally, a last removal is left to the reminders.
/// </summary>
internal static class SweepScenario
{
    private static readonly string[] CounterNames = ["requests", "deltaRequests", "memberRequests", "tokensIssued", "throttled", "failed"];

    public static async Task RunAsync(BenchContext bench)
    {
        var o = bench.Options;
        var tenants = await bench.SetupAdminTenantsAsync("setup", "sweep", o.Tenants, o.AdminsPerTenant, seedGraph: true);

        var removedSoFar = 0;
        var sweeps = o.SweepConcurrency.Count == 0 ? [] : o.SweepConcurrency.Prepend(o.SweepConcurrency[0]).ToList();
        for (var s = 0; s < sweeps.Count; s++)
        {
            var label = $"sweep{s + 1}-c{sweeps[s]}" + (s == 0 ? "-first" : "");
            await RemoveInGraphAsync(bench, tenants, removedSoFar);
            removedSoFar += o.RemovedPerSweep;
            await TriggeredSweepAsync(bench, tenants, label, sweeps[s], removedSoFar);
        }

        if (o.ReminderSweepSeconds > 0)
        {
            var removedAt = await RemoveInGraphAsync(bench, tenants, removedSoFar);
            removedSoFar += o.RemovedPerSweep;
            await ReminderSweepAsync(bench, tenants, removedAt, removedSoFar);
        }
    }

    /// <summary>Takes the next <c>--removed-per-sweep</c> admins of every tenant out of the admin group in Graph only; returns when, per tenant.</summary>
    private static async Task<ConcurrentDictionary<string, DateTimeOffset>> RemoveInGraphAsync(BenchContext bench, List<AdminTenant> tenants, int from)
    {
        var at = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await ForEachTenantAsync(tenants, bench.Options.SetupConcurrency, async t =>
        {
            var leaving = t.Admins.Skip(from).Take(bench.Options.RemovedPerSweep).Select(a => a.ExternalId);
            at[t.Tenant.TenantId] = DateTimeOffset.UtcNow;
            if (!await bench.Graph.RemoveMembersAsync("graph-remove", t.Tenant.EntraTenantId, t.AdminGroup.ExternalId, leaving))
            {
                bench.Findings.Fail($"removing admins in the Graph stand-in for tenant {t.Tenant.TenantId} failed");
            }
        });
        return at;
    }

    private static async Task TriggeredSweepAsync(BenchContext bench, List<AdminTenant> tenants, string label, int concurrency, int expectedRevokedPerTenant)
    {
        var findings = bench.Findings;
        var before = await CountersAsync(bench, tenants);
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long revoked = 0, graphRequests = 0, deltaExpired = 0;
        var runLatency = new LatencyHistogram();
        bench.Recorder.StartPhase(label);
        var cpu0 = bench.Cpu();
        var started = Stopwatch.GetTimestamp();
        await ForEachTenantAsync(tenants, concurrency, async t =>
        {
            var status = await bench.Operator.ReconciliationAsync(label, t.Tenant.TenantId, runNow: true);
            outcomes.AddOrUpdate(status?["outcome"]?.ToString() ?? "http-error", 1, (_, c) => c + 1);
            if (status is null)
            {
                return;
            }

            Interlocked.Add(ref revoked, (int)status["revoked"]!);
            Interlocked.Add(ref graphRequests, (int)status["graphRequests"]!);
            Interlocked.Add(ref deltaExpired, (bool)status["deltaExpired"]! ? 1 : 0);
            if (status["lastRunDuration"] is JsonValue duration)
            {
                runLatency.Record((long)TimeSpan.Parse((string)duration!, System.Globalization.CultureInfo.InvariantCulture).TotalMicroseconds);
            }
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        findings.Phase(label, seconds, CpuSnapshot.CoresUsed(cpu0, bench.Cpu()));
        var after = await CountersAsync(bench, tenants);
        var expected = (long)tenants.Count * bench.Options.RemovedPerSweep;

        Findings.Say(Findings.Invariant($"== {label}: {tenants.Count} tenants reconciled in {seconds:F2}s ({tenants.Count / seconds:F0} tenants/s), {concurrency} at a time"));
        Findings.Say($"   outcomes: {string.Join(' ', outcomes.Select(c => $"{c.Key}={c.Value}"))}; revoked {revoked} (expected {expected}); delta links expired: {deltaExpired}");
        Findings.Say($"   Graph requests: {graphRequests} by the runs' own count; at the stand-in {Delta(before, after, "requests")} requests ({Delta(before, after, "deltaRequests")} delta, {Delta(before, after, "memberRequests")} member listings), {Delta(before, after, "tokensIssued")} tokens, {Delta(before, after, "throttled")} × 429");
        findings.Latency(label + ".runDuration", "run duration (server's own measure)", runLatency);
        findings.Value(label, new Dictionary<string, object>
        {
            ["concurrency"] = concurrency,
            ["tenants"] = tenants.Count,
            ["seconds"] = Math.Round(seconds, 3),
            ["outcomes"] = outcomes.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
            ["revoked"] = revoked,
            ["expectedRevoked"] = expected,
            ["graphRequestsByRuns"] = graphRequests,
            ["standIn"] = CounterNames.ToDictionary(k => k, k => Delta(before, after, k), StringComparer.Ordinal),
            ["deltaExpired"] = deltaExpired,
        });
        findings.Check(revoked == expected, $"{label}: {revoked} revocations, expected {expected}");
        findings.Check(outcomes.Keys.All(k => k.Equals("succeeded", StringComparison.OrdinalIgnoreCase)), $"{label}: runs that did not succeed: {string.Join(' ', outcomes.Select(c => $"{c.Key}={c.Value}"))}");
        await VerifyGraphRevocationsAsync(bench, tenants, label, expectedRevokedPerTenant, null);
    }

    /// <summary>The reminders do the work: after the removal, wait, then read when each revocation was logged.</summary>
    private static async Task ReminderSweepAsync(BenchContext bench, List<AdminTenant> tenants, ConcurrentDictionary<string, DateTimeOffset> removedAt, int expectedRevokedPerTenant)
    {
        var seconds = bench.Options.ReminderSweepSeconds;
        Findings.Say($"== reminder sweep: admins removed in Graph only; waiting {seconds}s for the reminders");
        var cpu0 = bench.Cpu();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var cores = CpuSnapshot.CoresUsed(cpu0, bench.Cpu());
        bench.Findings.Phase("reminder-window", seconds, cores);
        bench.Findings.Value("reminder-sweep.cpuCores", cores.ToDictionary(c => c.Key, c => Math.Round(c.Value, 3), StringComparer.Ordinal));
        Findings.Say($"   cpu (cores) over the {seconds}s: {string.Join(' ', cores.Select(c => Findings.Invariant($"{c.Key}={c.Value:F2}")))}");
        await VerifyGraphRevocationsAsync(bench, tenants, "reminder-sweep", expectedRevokedPerTenant, removedAt);
    }

    /// <summary>
    /// Every admin removed in Graph so far has exactly one Graph revocation in the access log, and nobody else has one.
    /// With <paramref name="removedAt"/>, also how long after the removal in Graph the latest ones were logged.
    /// </summary>
    private static async Task VerifyGraphRevocationsAsync(BenchContext bench, List<AdminTenant> tenants, string label, int removedPerTenant, ConcurrentDictionary<string, DateTimeOffset>? removedAt)
    {
        long missing = 0, unexpected = 0;
        var delay = new LatencyHistogram();
        await ForEachTenantAsync(tenants, bench.Options.SetupConcurrency, async t =>
        {
            var events = await bench.Operator.AccessLogAsync("verify", t.Tenant.TenantId, "revoked", "graph") ?? [];
            var removed = t.Admins.Take(removedPerTenant).Select(a => a.Id!).ToHashSet(StringComparer.Ordinal);
            var logged = events.Select(e => e.UserId).ToHashSet(StringComparer.Ordinal);
            Interlocked.Add(ref missing, removed.Count(id => !logged.Contains(id)));
            Interlocked.Add(ref unexpected, logged.Count(id => !removed.Contains(id)) + (events.Count - logged.Count));
            if (removedAt?.GetValueOrDefault(t.Tenant.TenantId) is { } at)
            {
                var latest = t.Admins.Skip(removedPerTenant - bench.Options.RemovedPerSweep).Take(bench.Options.RemovedPerSweep).Select(a => a.Id!).ToHashSet(StringComparer.Ordinal);
                foreach (var e in events.Where(e => latest.Contains(e.UserId) && e.At >= at))
                {
                    delay.Record((long)(e.At - at).TotalMicroseconds);
                }
            }
        });

        bench.Findings.Value(label + ".accessLog", new Dictionary<string, long> { ["missing"] = missing, ["unexpected"] = unexpected });
        Findings.Say($"   access log (source graph): {missing} removed admins without a revocation, {unexpected} unexpected revocations");
        bench.Findings.Check(missing == 0 && unexpected == 0, $"{label}: {missing} Graph revocations missing, {unexpected} unexpected");
        if (removedAt is not null)
        {
            bench.Findings.Latency(label + ".removalToRevocation", "removal in Graph → revocation logged", delay);
        }
    }

    private static async Task<Dictionary<string, long>> CountersAsync(BenchContext bench, List<AdminTenant> tenants)
    {
        var sums = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await ForEachTenantAsync(tenants, bench.Options.SetupConcurrency, async t =>
        {
            foreach (var (key, value) in await bench.Graph.CountersAsync("graph-counters", t.Tenant.EntraTenantId) ?? [])
            {
                sums.AddOrUpdate(key, value, (_, c) => c + value);
            }
        });
        return sums.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    private static long Delta(Dictionary<string, long> before, Dictionary<string, long> after, string key) =>
        after.GetValueOrDefault(key) - before.GetValueOrDefault(key);

    private static Task ForEachTenantAsync(List<AdminTenant> tenants, int concurrency, Func<AdminTenant, Task> body) =>
        Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (t, _) => await body(t));
}
