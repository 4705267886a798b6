using System.Globalization;

namespace Total.Revocation;

/// <summary>The scenarios of issue 5 the tool measures.</summary>
internal enum Scenario
{
    /// <summary>Signed-in admins removed over SCIM: time from the SCIM answer to the refused console request.</summary>
    Sessions,

    /// <summary>An admin group of many members deleted, or emptied by one PATCH: that call's latency, and every member revoked.</summary>
    FanOut,

    /// <summary>Many tenants, one reconciliation reminder each, on one silo: rows, memory, and the cost of the ticks.</summary>
    Reminders,

    /// <summary>Reconciliation of many tenants against the Graph stand-in, some admins removed in Graph only.</summary>
    Sweep,
}

/// <summary>Command line of the revocation benchmark; <c>--help</c> prints it.</summary>
internal sealed class RevocationOptions
{
    public const string Usage = """
        Total.Revocation SCENARIO [options]: revocation benchmarks (issue 5) against a TOTAL server in Development
        with the local Entra stand-in (127.0.0.1 only). See bench/README.md.

        Scenarios:
          sessions    sign admins in to the console, remove each over SCIM (group PATCH remove by path filter,
                      remove with value list, user PATCH active "False", user DELETE), and time the SCIM answer
                      -> first refused GET /console
          fanout      an admin group of --members members: DELETE /Groups/{id}, and (another tenant) PATCH
                      {"op":"Remove","path":"members"}; that call's latency; every member revoked (access log)
          reminders   onboard --tenants tenants (one reconciliation reminder each); reminder rows, memory, and
                      CPU and runs over an idle --window
          sweep       --tenants tenants with an app registration, an admin group in SCIM and in the Graph stand-in;
                      admins removed in Graph only; POST …/reconciliation for all at --sweep-concurrency

        Common:
          --url URL                 server base (default http://127.0.0.1:5390)
          --standin URL             the stand-in's HTTPS base (default https://127.0.0.1:5453)
          --operator-key KEY        Operator:ApiKey (or env TOTAL_OPERATOR_KEY)
          --pg CONNECTION           the server's PostgreSQL (reminder rows, reconciliation state versions)
          --server-pid PID          report the server's CPU and RSS (from /proc)
          --pg-pid PID              PostgreSQL postmaster: report CPU of it and its children
          --out FILE                JSON results file
          --label TEXT              free text stored in the JSON
          --timeout S               per-request timeout (default 300: a slow fan-out is measured, not cut off)
          --seed N                  random seed (default 1)
          --setup-concurrency N     requests in flight while setting up (default 16)

        sessions:
          --tenants N               (default 10)       --admins-per-tenant N   (default 100)
          --concurrency N           revocations in flight (default 8)
          --deny-timeout S          how long to keep asking for /console after the SCIM answer (default 10)

        fanout:
          --members N               admin group size (default 10000)
          --operations LIST         delete,patch (default both, each on its own tenant)
          --fanout-sessions N       members signed in before the call, checked right after it (default 20)
          --analyze                 (with --pg) ANALYZE the database after the setup, before the call

        reminders:
          --tenants N               (default 10000)    --window S   idle window measured (default 120)
          --settle S                wait after onboarding before the window (default 30)

        sweep:
          --tenants N               (default 1000)     --admins-per-tenant N   (default 5)
          --removed-per-sweep N     admins removed in Graph only before each sweep (default 1)
          --sweep-concurrency LIST  one timed sweep per entry, after a first (full-read) sweep at the first
                                    entry (default 32,128; "none" skips the triggered sweeps)
          --reminder-sweep S        then remove once more in Graph and let the reminders revoke; read the access
                                    log S seconds later (default 0: off; needs a short Reconciliation__Period)
        """;

    public Scenario Scenario { get; private set; }

    public Uri Url { get; private set; } = new("http://127.0.0.1:5390");

    public Uri StandIn { get; private set; } = new("https://127.0.0.1:5453");

    public string OperatorKey { get; private set; } = Environment.GetEnvironmentVariable("TOTAL_OPERATOR_KEY") ?? "";

    public string? PostgresConnection { get; private set; }

    public int? ServerPid { get; private set; }

    public int? PgPid { get; private set; }

    public string? Out { get; private set; }

    public string Label { get; private set; } = "";

    public int TimeoutSeconds { get; private set; } = 300;

    public int Seed { get; private set; } = 1;

    public int SetupConcurrency { get; private set; } = 16;

    public int Tenants { get; private set; }

    public int AdminsPerTenant { get; private set; }

    public int Concurrency { get; private set; } = 8;

    public int DenyTimeoutSeconds { get; private set; } = 10;

    public int Members { get; private set; } = 10_000;

    public IReadOnlyList<string> Operations { get; private set; } = ["delete", "patch"];

    public int FanOutSessions { get; private set; } = 20;

    public bool Analyze { get; private set; }

    public int WindowSeconds { get; private set; } = 120;

    public int SettleSeconds { get; private set; } = 30;

    public int RemovedPerSweep { get; private set; } = 1;

    public IReadOnlyList<int> SweepConcurrency { get; private set; } = [32, 128];

    public int ReminderSweepSeconds { get; private set; }

    public static RevocationOptions Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException(Usage);
        }

        var o = new RevocationOptions
        {
            Scenario = args[0] switch
            {
                "sessions" => Scenario.Sessions,
                "fanout" => Scenario.FanOut,
                "reminders" => Scenario.Reminders,
                "sweep" => Scenario.Sweep,
                _ => throw new ArgumentException($"Unknown scenario '{args[0]}'.\n\n{Usage}"),
            },
        };
        (o.Tenants, o.AdminsPerTenant) = o.Scenario switch
        {
            Scenario.Sessions => (10, 100),
            Scenario.Reminders => (10_000, 0),
            Scenario.Sweep => (1_000, 5),
            _ => (0, 0),
        };

        var a = new ArgReader(args, start: 1);
        while (a.MoveNext())
        {
            switch (a.Name)
            {
                case "--url": o.Url = a.Url(); break;
                case "--standin": o.StandIn = a.Url(); break;
                case "--operator-key": o.OperatorKey = a.Text(); break;
                case "--pg": o.PostgresConnection = a.Text(); break;
                case "--server-pid": o.ServerPid = a.Int(1); break;
                case "--pg-pid": o.PgPid = a.Int(1); break;
                case "--out": o.Out = a.Text(); break;
                case "--label": o.Label = a.Text(); break;
                case "--timeout": o.TimeoutSeconds = a.Int(1); break;
                case "--seed": o.Seed = a.Int(int.MinValue); break;
                case "--setup-concurrency": o.SetupConcurrency = a.Int(1); break;
                case "--tenants": o.Tenants = a.Int(1); break;
                case "--admins-per-tenant": o.AdminsPerTenant = a.Int(1); break;
                case "--concurrency": o.Concurrency = a.Int(1); break;
                case "--deny-timeout": o.DenyTimeoutSeconds = a.Int(1); break;
                case "--members": o.Members = a.Int(1); break;
                case "--operations": o.Operations = ParseOperations(a.Text()); break;
                case "--fanout-sessions": o.FanOutSessions = a.Int(0); break;
                case "--analyze": o.Analyze = true; break;
                case "--window": o.WindowSeconds = a.Int(1); break;
                case "--settle": o.SettleSeconds = a.Int(0); break;
                case "--removed-per-sweep": o.RemovedPerSweep = a.Int(1); break;
                case "--sweep-concurrency": o.SweepConcurrency = ParseConcurrency(a.Text()); break;
                case "--reminder-sweep": o.ReminderSweepSeconds = a.Int(0); break;
                default: throw new ArgumentException($"Unknown option '{a.Name}'.\n\n{Usage}");
            }
        }

        if (string.IsNullOrEmpty(o.OperatorKey))
        {
            throw new ArgumentException("--operator-key (or TOTAL_OPERATOR_KEY) is required.");
        }

        var sweeps = o.SweepConcurrency.Count + (o.SweepConcurrency.Count > 0 ? 1 : 0) + (o.ReminderSweepSeconds > 0 ? 1 : 0);
        if (o.Scenario == Scenario.Sweep && o.AdminsPerTenant < (sweeps * o.RemovedPerSweep) + 1)
        {
            throw new ArgumentException($"--admins-per-tenant must be at least {(sweeps * o.RemovedPerSweep) + 1}: {sweeps} sweeps each remove {o.RemovedPerSweep}, and one admin stays.");
        }

        if (o.Analyze && o.PostgresConnection is null)
        {
            throw new ArgumentException("--analyze needs --pg (the server's PostgreSQL).");
        }

        Loopback.Require(o.Url);
        Loopback.Require(o.StandIn);
        return o;
    }

    private static string[] ParseOperations(string value)
    {
        var operations = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return operations.Length > 0 && operations.All(op => op is "delete" or "patch")
            ? operations
            : throw new ArgumentException("--operations is a comma-separated list of delete and patch.");
    }

    private static int[] ParseConcurrency(string value) => value == "none"
        ? []
        : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) && c >= 1
                ? c
                : throw new ArgumentException("--sweep-concurrency is a comma-separated list of integers ≥ 1, or none."))
            .ToArray();
}
