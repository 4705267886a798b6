using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Total.ScimLoad;

/// <summary>Entry point: see <see cref="Options.Usage"/> and bench/README.md.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!ArgReader.TryParse(args, Options.Usage, Options.Parse, out var options, out var exitCode))
        {
            return exitCode;
        }

        var recorder = new Recorder();
        const int probeInFlight = 64;
        using var client = new LoadClient(recorder, options.Concurrency + probeInFlight + 8, TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var gate = new SemaphoreSlim(options.Concurrency);
        var report = new Report(options, recorder);
        var runId = Guid.NewGuid().ToString("N")[..8];
        Console.WriteLine($"ScimLoad run {runId}: {options.Url} tenants={options.Tenants} users/tenant={options.UsersPerTenant} groups/tenant={options.GroupsPerTenant} " +
                          $"concurrency={options.Concurrency} duration={options.DurationSeconds}s seed={options.Seed} tenant-rate={options.TenantRate} probe={options.ProbeTenant} big-group={options.BigGroup} {options.Label}");

        // Onboarding (operator API).
        recorder.StartPhase("onboard");
        var onboard = new Onboarding(client, options, runId);
        TenantInfo[] tenants;
        TenantInfo? probeTenant = null;
        try
        {
            tenants = await onboard.CreateAsync(Enumerable.Range(0, options.Tenants), "load");
            if (options.ProbeTenant)
            {
                probeTenant = (await onboard.CreateAsync([options.Tenants], "probe"))[0];
            }
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync("Onboarding failed: " + exception.Message);
            report.Print();
            return 2;
        }

        report.Rss("start", options.ServerPid);
        var jobs = tenants.Select(t => new TenantJob(t, client, gate, options.Seed, options.TenantRate)).ToArray();
        var probeJob = probeTenant is null ? null : new TenantJob(probeTenant, client, null, options.Seed);
        var workersPerTenant = options.Tenants == 0 ? 0 : Math.Max(1, (options.Concurrency + options.Tenants - 1) / options.Tenants);

        // Initial cycles, all tenants at once.
        if (jobs.Length > 0 || probeJob is not null)
        {
            recorder.StartPhase("initial");
            recorder.StartPhase("probe-setup");
            var cpu0 = CpuSnapshot.Take(options.ServerPid, options.PgPid);
            var started = Stopwatch.GetTimestamp();
            var deadline = started + (options.InitialTimeoutSeconds * Stopwatch.Frequency);
            var initial = jobs.Select(j => j.InitialAsync("initial", options.UsersPerTenant, options.GroupsPerTenant, workersPerTenant, deadline)).ToList();
            if (probeJob is not null)
            {
                initial.Add(probeJob.InitialAsync("probe-setup", Math.Min(options.UsersPerTenant, 100), 2, 4, deadline));
            }

            await Task.WhenAll(initial);
            report.Phase("initial", Stopwatch.GetElapsedTime(started).TotalSeconds, CpuSnapshot.CoresUsed(cpu0, CpuSnapshot.Take(options.ServerPid, options.PgPid)));
            report.Rss("after-initial", options.ServerPid);
            Console.WriteLine($"initial cycle done in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1}s: {jobs.Sum(j => j.UserCount)} users");
        }

        // Steady phase: incremental cycles for --duration seconds (and the paced probe tenant).
        if (jobs.Length > 0 || probeJob is not null)
        {
            recorder.StartPhase("steady");
            recorder.StartPhase("probe");
            var cpu0 = CpuSnapshot.Take(options.ServerPid, options.PgPid);
            var started = Stopwatch.GetTimestamp();
            var deadline = started + (options.DurationSeconds * Stopwatch.Frequency);
            var steady = jobs.Select(j => j.SteadyAsync("steady", workersPerTenant, options.ConflictRate, deadline)).ToList();
            var probe = probeJob is null ? Task.FromResult<ProbeResult?>(null) : Probe.RunAsync(probeJob, options, started, deadline, probeInFlight)!;
            await Task.WhenAll(steady);
            var steadySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var probeResult = await probe;
            report.Phase("steady", steadySeconds, CpuSnapshot.CoresUsed(cpu0, CpuSnapshot.Take(options.ServerPid, options.PgPid)));
            if (probeResult is not null)
            {
                report.Probe(probeResult);
            }

            report.Rss("after-steady", options.ServerPid);
        }

        TenantJob? bigGroupJob = null;
        if (options.BigGroup > 0)
        {
            recorder.StartPhase("biggroup-setup");
            recorder.StartPhase("biggroup");
            var bigTenant = (await onboard.CreateAsync([options.Tenants + 1], "biggroup"))[0];
            bigGroupJob = new TenantJob(bigTenant, client, gate, options.Seed);
            var result = await BigGroup.RunAsync(bigGroupJob, client, options);
            report.BigGroup(result);
        }

        report.Users(jobs.Sum(j => j.UserCount) + (probeJob?.UserCount ?? 0) + (bigGroupJob?.UserCount ?? 0));
        report.Print();
        if (options.Out is { } path)
        {
            await File.WriteAllBytesAsync(path, report.ToJson());
            Console.WriteLine($"results written to {path}");
        }

        return report.Clean ? 0 : 1;
    }
}

/// <summary>Onboards tenants through <c>POST /operator/tenants</c> and keeps each one's Tenant URL and Secret Token.</summary>
internal sealed class Onboarding(LoadClient client, Options options, string runId)
{
    public async Task<TenantInfo[]> CreateAsync(IEnumerable<int> indexes, string label)
    {
        var auth = new AuthenticationHeaderValue("Bearer", options.OperatorKey);
        var uri = new Uri(options.Url, "/operator/tenants");
        using var parallel = new SemaphoreSlim(4);
        var tasks = indexes.Select(async index =>
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"bench-{runId}-{label}-{index}"),
                ["entraTenantId"] = Guid.NewGuid().ToString(),
                ["adminGroups"] = Array.Empty<string>(),
                ["monitoredGroups"] = Array.Empty<string>(),
            });
            var reply = await client.SendAsync("onboard", "operator.tenants.create", HttpMethod.Post, uri, auth, body, true, long.MaxValue, parallel, s => s == 201);
            if (reply is not { Status: 201, Body: { } json })
            {
                throw new InvalidOperationException($"POST /operator/tenants answered {reply?.Status}: {reply?.Body} (is --operator-key right?)");
            }

            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var scimBase = root.GetProperty("scimBaseUrl").GetString()!.TrimEnd('/');
            Loopback.Require(new Uri(scimBase));
            return new TenantInfo(index, label, root.GetProperty("tenantId").GetString()!, scimBase,
                new AuthenticationHeaderValue("Bearer", root.GetProperty("scimToken").GetString()));
        });
        return await Task.WhenAll(tasks);
    }
}
