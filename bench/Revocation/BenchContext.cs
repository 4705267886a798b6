using System.Diagnostics;
using System.Globalization;

namespace Total.Revocation;

/// <summary>A tenant whose admin group is provisioned over SCIM with its admins, ready for sign-in and revocation.</summary>
internal sealed record AdminTenant(ScimTenant Scim, GroupRec AdminGroup, List<UserRec> Admins)
{
    public TenantHandle Tenant => Scim.Tenant;
}

/// <summary>What every scenario uses: options, the shared HTTP clients, the operator API, the Graph stand-in and the findings.</summary>
internal sealed class BenchContext(RevocationOptions options, LoadClient client, LoadClient standInClient, Findings findings)
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _nextUser;

    public RevocationOptions Options => options;

    public LoadClient Client => client;

    public Recorder Recorder => client.Recorder;

    public Findings Findings => findings;

    public OperatorClient Operator { get; } = new(client, options);

    public GraphStandInControl Graph { get; } = new(standInClient, options.StandIn);

    public string RunId => _runId;

    public CpuSnapshot Cpu() => CpuSnapshot.Take(options.ServerPid, options.PgPid);

    /// <summary>
    /// Onboards <paramref name="count"/> tenants whose admin group is named by its Entra object id, each with an
    /// app registration (client id + secret: the stand-in accepts any for a tenant without registered apps), then
    /// provisions over SCIM <paramref name="admins"/> users (externalId = their object id), the admin group, and
    /// its members in PATCH batches of 100. Tenants run in parallel; a single tenant creates its users in parallel.
    /// With <paramref name="seedGraph"/>, the same group and members exist in the Graph stand-in first, as in Entra
    /// (a reminder that reads Graph before the group is there would rightly revoke everyone).
    /// </summary>
    public async Task<List<AdminTenant>> SetupAdminTenantsAsync(string phase, string label, int count, int admins, bool seedGraph = false)
    {
        var started = Stopwatch.GetTimestamp();
        var perTenant = Math.Max(1, options.SetupConcurrency / count);
        var tenants = new AdminTenant?[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Math.Min(count, options.SetupConcurrency) }, async (index, _) =>
        {
            var rng = new Random(unchecked((options.Seed * 7919) + index));
            var group = new GroupRec("TOTAL-Admins", Entra.NewGuid(rng).ToString());
            var clientId = Entra.NewGuid(rng).ToString();
            var name = string.Create(CultureInfo.InvariantCulture, $"bench-{_runId}-{label}-{index}");
            if (await Operator.OnboardAsync(phase, index, name, [group.ExternalId], clientId, "bench-secret-" + clientId[..8]) is not { } handle)
            {
                return;
            }

            var scim = new ScimTenant(handle, client);
            var users = Enumerable.Range(0, admins).Select(_ => Entra.NewUser(rng, index, Interlocked.Increment(ref _nextUser))).ToList();
            if (seedGraph && !await Graph.PutGroupAsync(phase, handle.EntraTenantId, group.ExternalId, group.DisplayName, users.Select(u => u.ExternalId)))
            {
                return;
            }

            await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = perTenant }, async (user, _) => await scim.CreateUserAsync(phase, user));
            var created = users.Where(u => u.Id is not null).ToList();
            if (created.Count == users.Count && await scim.CreateGroupAsync(phase, group) && await scim.AddMembersAsync(phase, group, created))
            {
                tenants[index] = new AdminTenant(scim, group, created);
            }
        });

        var ready = tenants.OfType<AdminTenant>().ToList();
        findings.Check(ready.Count == count, $"setup: {ready.Count} of {count} tenants provisioned (see the setup table for the failed requests)");
        Findings.Say(Findings.Invariant($"setup: {ready.Count} tenants × {admins} admins provisioned in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1}s"));
        return ready;
    }

    /// <summary>Signs each person in through the stand-in and opens the console once; null entries did not get a session.</summary>
    public async Task<ConsoleBrowser?[]> SignInAsync(string phase, IReadOnlyList<(string TenantId, UserRec User)> people)
    {
        var started = Stopwatch.GetTimestamp();
        var browsers = new ConsoleBrowser?[people.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, people.Count), new ParallelOptions { MaxDegreeOfParallelism = options.SetupConcurrency }, async (i, _) =>
        {
            var browser = new ConsoleBrowser(client, options.Url);
            if (await browser.SignInAsync(phase, people[i].TenantId, people[i].User)
                && await browser.OpenConsoleAsync(phase, "console.signed-in", expectOpen: true) == ConsoleAnswer.Open)
            {
                browsers[i] = browser;
            }
        });

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var signedIn = browsers.Count(b => b is not null);
        findings.Check(signedIn == people.Count, $"sign-in: {signedIn} of {people.Count} people got a console session");
        Findings.Say(Findings.Invariant($"sign-in: {signedIn} console sessions in {seconds:F1}s ({signedIn / seconds:F0}/s)"));
        return browsers;
    }
}
