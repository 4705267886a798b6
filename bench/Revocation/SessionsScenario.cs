using System.Diagnostics;

namespace Total.Revocation;

/// <summary>
/// Target: SCIM-signalled revocation ends the console session within 1 s (p99). Many admins sign in; each is
/// then removed over SCIM in one of Entra's shapes, and the time from the SCIM answer to the first refused
/// <c>GET /console</c> is measured (asked again at once until refused, up to <c>--deny-timeout</c>).
/// </summary>
internal static class SessionsScenario
{
    public static async Task RunAsync(BenchContext bench)
    {
        var o = bench.Options;
        var findings = bench.Findings;
        // Seeded as in Entra: a reconciliation reminder that reads an empty Graph would rightly revoke everyone mid-run.
        var tenants = await bench.SetupAdminTenantsAsync("setup", "sessions", o.Tenants, o.AdminsPerTenant, seedGraph: true);
        var people = tenants.SelectMany(t => t.Admins.Select(a => (Tenant: t, User: a))).ToList();
        var browsers = await bench.SignInAsync("signin", people.Select(p => (p.Tenant.Tenant.TenantId, p.User)).ToList());

        // Removal order shuffled across tenants; the shape rotates so every shape meets every tenant.
        var order = Enumerable.Range(0, people.Count).Where(i => browsers[i] is not null).ToArray();
        new Random(o.Seed).Shuffle(order);
        var toDenied = new LatencyHistogram();
        var byShape = Enum.GetValues<RemovalShape>().ToDictionary(s => s, _ => new LatencyHistogram());
        long firstDenied = 0, laterDenied = 0, neverDenied = 0, notOpenBefore = 0, scimFailed = 0;
        var denyTimeout = TimeSpan.FromSeconds(o.DenyTimeoutSeconds);

        bench.Recorder.StartPhase("revoke");
        var cpu0 = bench.Cpu();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, order.Length), new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency }, async (n, _) =>
        {
            var (tenant, user) = people[order[n]];
            var browser = browsers[order[n]]!;
            var shape = (RemovalShape)(n % 4);
            if (await browser.OpenConsoleAsync("revoke", "console.before", expectOpen: true) != ConsoleAnswer.Open)
            {
                Interlocked.Increment(ref notOpenBefore);
                return;
            }

            if (!await tenant.Scim.RemoveAsync("revoke", shape, tenant.AdminGroup, user))
            {
                Interlocked.Increment(ref scimFailed);
                return;
            }

            var answered = Stopwatch.GetTimestamp();
            for (var attempt = 1; ; attempt++)
            {
                var answer = await browser.OpenConsoleAsync("revoke", attempt == 1 ? "console.after" : "console.after.retry", expectOpen: false);
                if (answer == ConsoleAnswer.SessionEnded)
                {
                    var micros = LoadClient.Micros(answered);
                    toDenied.Record(micros);
                    byShape[shape].Record(micros);
                    Interlocked.Increment(ref attempt == 1 ? ref firstDenied : ref laterDenied);
                    return;
                }

                if (Stopwatch.GetElapsedTime(answered) > denyTimeout || answer == ConsoleAnswer.Other)
                {
                    Interlocked.Increment(ref neverDenied);
                    return;
                }
            }
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        findings.Phase("revoke", seconds, CpuSnapshot.CoresUsed(cpu0, bench.Cpu()));

        Findings.Say(Findings.Invariant($"== sessions: {order.Length} signed-in admins removed over SCIM in {seconds:F1}s, {o.Concurrency} at a time"));
        findings.Latency("sessions.scimAnswerToDenied", "SCIM answer → refused GET /console", toDenied);
        foreach (var (shape, histogram) in byShape)
        {
            findings.Latency("sessions.scimAnswerToDenied." + shape, "  " + shape, histogram);
        }

        findings.Value("sessions.removed", order.Length);
        findings.Value("sessions.deniedOnFirstRequest", firstDenied);
        findings.Value("sessions.deniedLater", laterDenied);
        findings.Value("sessions.neverDenied", neverDenied);
        Findings.Say($"   denied on the first request after the SCIM answer: {firstDenied} of {order.Length}; later: {laterDenied}; not within {o.DenyTimeoutSeconds}s: {neverDenied}");
        findings.Check(notOpenBefore == 0, $"{notOpenBefore} sessions were not open just before their SCIM removal");
        findings.Check(scimFailed == 0, $"{scimFailed} SCIM removals failed");
        findings.Check(neverDenied == 0, $"{neverDenied} sessions were still open {o.DenyTimeoutSeconds}s after the SCIM answer");
        findings.Check(toDenied.Percentile(99) < 1_000_000, "p99 from the SCIM answer to the refused console request is not under 1 s");
        await VerifyAccessLogAsync(bench, tenants, order.Length - notOpenBefore - scimFailed);
    }

    /// <summary>Every removed admin has a SCIM revocation in their tenant's access log.</summary>
    private static async Task VerifyAccessLogAsync(BenchContext bench, List<AdminTenant> tenants, long expected)
    {
        long logged = 0;
        foreach (var tenant in tenants)
        {
            var events = await bench.Operator.AccessLogAsync("verify", tenant.Tenant.TenantId, "revoked", "scim");
            logged += events?.Select(e => e.UserId).Distinct(StringComparer.Ordinal).Count() ?? 0;
        }

        bench.Findings.Value("sessions.accessLogRevoked", logged);
        Findings.Say($"   access log: {logged} SCIM revocations logged for {expected} removed admins");
        bench.Findings.Check(logged == expected, $"access log has {logged} revoked users, expected {expected}");
    }
}
