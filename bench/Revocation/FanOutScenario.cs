using System.Diagnostics;

namespace Total.Revocation;

/// <summary>
/// Target: one SCIM call that removes a whole admin group's members answers within Entra's 60 s timeout and
/// revokes every one of them. Per operation (its own tenant): a group of <c>--members</c> admins, a few of them
/// signed in; then <c>DELETE /Groups/{id}</c> or PATCH <c>{"op":"Remove","path":"members"}</c>, timed; then the
/// sessions are asked once, and the access log is read to the end (<c>kind=revoked</c>, pages of 500, <c>before=</c>).
/// </summary>
internal static class FanOutScenario
{
    private const double EntraTimeoutSeconds = 60;

    public static async Task RunAsync(BenchContext bench)
    {
        foreach (var operation in bench.Options.Operations)
        {
            await RunOneAsync(bench, operation == "delete");
        }
    }

    private static async Task RunOneAsync(BenchContext bench, bool delete)
    {
        var o = bench.Options;
        var findings = bench.Findings;
        var name = delete ? "delete" : "patch-remove-all";
        var key = "fanout." + name;
        var setupPhase = "setup-" + name;
        var setupCpu = bench.Cpu();
        var setupStarted = Stopwatch.GetTimestamp();
        // Seeded as in Entra: a reminder reading an empty Graph would revoke members before the measured call does.
        var tenants = await bench.SetupAdminTenantsAsync(setupPhase, name, 1, o.Members, seedGraph: true);
        findings.Phase(setupPhase, Stopwatch.GetElapsedTime(setupStarted).TotalSeconds, CpuSnapshot.CoresUsed(setupCpu, bench.Cpu()));
        if (tenants is not [var tenant])
        {
            return;
        }

        var granted = await bench.Operator.AccessLogAsync(setupPhase, tenant.Tenant.TenantId, "granted");
        findings.Check(granted?.Count == o.Members, $"{name}: {granted?.Count} grants logged for {o.Members} members added to the admin group");

        if (o.Analyze && o.PostgresConnection is { } connection)
        {
            var analyzeStarted = Stopwatch.GetTimestamp();
            await new ServerDatabase(connection).AnalyzeAsync();
            Findings.Say(Findings.Invariant($"   ANALYZE after the setup: {Stopwatch.GetElapsedTime(analyzeStarted).TotalSeconds:F1}s"));
        }

        findings.Value(key + ".analyzed", o.Analyze);
        var sample = tenant.Admins.Take(o.FanOutSessions).ToList();
        var browsers = await bench.SignInAsync("signin-" + name, sample.Select(u => (tenant.Tenant.TenantId, u)).ToList());

        var phase = "fanout-" + name;
        bench.Recorder.StartPhase(phase);
        var cpu0 = bench.Cpu();
        var started = Stopwatch.GetTimestamp();
        var reply = await tenant.Scim.EmptyAdminGroupAsync(phase, tenant.AdminGroup, delete);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        findings.Phase(phase, seconds, CpuSnapshot.CoresUsed(cpu0, bench.Cpu()));
        Findings.Say(Findings.Invariant($"== fan-out, {(delete ? "DELETE /Groups/{id}" : "PATCH Remove path members")}: {o.Members} members, answered {reply?.Status} in {seconds:F2}s"));
        findings.Value(key + ".members", o.Members);
        findings.Value(key + ".status", reply?.Status ?? 0);
        findings.Value(key + ".seconds", Math.Round(seconds, 3));
        findings.Check(reply is { Success: true }, $"{name}: the SCIM call answered {reply?.Status}");
        findings.Check(seconds < EntraTimeoutSeconds, $"{name}: the SCIM call took {seconds:F1}s, over Entra's {EntraTimeoutSeconds}s timeout");

        var ended = 0;
        foreach (var browser in browsers.OfType<ConsoleBrowser>())
        {
            ended += await browser.OpenConsoleAsync("after-" + name, "console.after", expectOpen: false) == ConsoleAnswer.SessionEnded ? 1 : 0;
        }

        findings.Value(key + ".sessionsEndedOnFirstRequest", ended);
        Findings.Say($"   signed-in members refused on their first console request after the answer: {ended} of {browsers.Count(b => b is not null)}");
        findings.Check(ended == browsers.Count(b => b is not null), $"{name}: {browsers.Count(b => b is not null) - ended} sessions survived the call");

        var readStarted = Stopwatch.GetTimestamp();
        var revoked = await bench.Operator.AccessLogAsync("verify-" + name, tenant.Tenant.TenantId, "revoked");
        var readSeconds = Stopwatch.GetElapsedTime(readStarted).TotalSeconds;
        var revokedUsers = revoked?.Select(e => e.UserId).ToHashSet(StringComparer.Ordinal) ?? [];
        var missed = tenant.Admins.Count(u => !revokedUsers.Contains(u.Id!));
        findings.Value(key + ".revokedEvents", revoked?.Count ?? 0);
        findings.Value(key + ".membersNotRevoked", missed);
        if (revoked is { Count: > 0 })
        {
            // How long after the call started the last revocation was recorded (server clock, same machine).
            var spread = revoked.Max(e => e.At) - revoked.Min(e => e.At);
            findings.Value(key + ".revocationSpreadSeconds", Math.Round(spread.TotalSeconds, 3));
            Findings.Say(Findings.Invariant($"   access log: {revoked.Count} revocations ({revokedUsers.Count} users), first to last {spread.TotalSeconds:F2}s apart; {missed} members not revoked; read in {readSeconds:F1}s ({(revoked.Count + 499) / 500} pages)"));
        }

        findings.Check(missed == 0 && revoked?.Count == o.Members, $"{name}: {missed} members not revoked, {revoked?.Count} revocations logged for {o.Members} members");
    }
}
