using System.Globalization;

namespace Total.ScimLoad;

/// <summary>Command line of the load tool; <c>--help</c> prints it.</summary>
internal sealed class Options
{
    public const string Usage = """
        Total.ScimLoad: emulates many Microsoft Entra provisioning jobs against a TOTAL server (127.0.0.1 only).

          --url URL                 server base (default http://127.0.0.1:5080); loopback only
          --operator-key KEY        Operator:ApiKey (or env TOTAL_OPERATOR_KEY)
          --tenants N               tenants running provisioning jobs at once (default 20; 0 = none)
          --users-per-tenant N      users each tenant's initial cycle creates (default 200)
          --groups-per-tenant N     groups each tenant's initial cycle creates (default 10)
          --duration S              seconds of the steady (incremental-cycle) phase (default 30)
          --concurrency N           total requests in flight for the tenants' jobs (default 64)
          --seed N                  random seed of the workload (default 1)
          --out FILE                JSON results file (default: none)
          --timeout S               per-request timeout, counted as an error (default 30)
          --initial-timeout S       bound on the initial cycle (default 1800)
          --conflict-rate F         share of steady operations that deliberately re-POST an existing
                                    userName and expect 409 (default 0: a correct run has no 409)
          --tenant-rate R           pace each tenant's job to at most R req/s (default 0: unpaced, saturating)
          --label TEXT              free text stored in the JSON (e.g. the server's rate-limit setting)
          --probe-tenant            one extra tenant sends a paced --probe-rate req/s during the steady phase
          --probe-rate R            the probe's rate (default 25)
          --big-group N             after the load: a group of N members (added in batches of 100), then
                                    one-member PATCH add/remove latency on it vs. a 5-member group
          --big-group-iterations N  sequential add+remove pairs per group (default 500)
          --server-pid PID          report this process's CPU time and RSS (from /proc)
          --pg-pid PID              PostgreSQL postmaster: report CPU of it and its children
        """;

    public Uri Url { get; private set; } = new("http://127.0.0.1:5080");

    public string OperatorKey { get; private set; } = Environment.GetEnvironmentVariable("TOTAL_OPERATOR_KEY") ?? "";

    public int Tenants { get; private set; } = 20;

    public int UsersPerTenant { get; private set; } = 200;

    public int GroupsPerTenant { get; private set; } = 10;

    public int DurationSeconds { get; private set; } = 30;

    public int Concurrency { get; private set; } = 64;

    public int Seed { get; private set; } = 1;

    public string? Out { get; private set; }

    public int TimeoutSeconds { get; private set; } = 30;

    public int InitialTimeoutSeconds { get; private set; } = 1800;

    public double ConflictRate { get; private set; }

    public bool ProbeTenant { get; private set; }

    public double TenantRate { get; private set; }

    public string Label { get; private set; } = "";

    public double ProbeRate { get; private set; } = 25;

    public int BigGroup { get; private set; }

    public int BigGroupIterations { get; private set; } = 500;

    public int? ServerPid { get; private set; }

    public int? PgPid { get; private set; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        var a = new ArgReader(args, start: 0);
        while (a.MoveNext())
        {
            switch (a.Name)
            {
                case "--url": o.Url = a.Url(); break;
                case "--operator-key": o.OperatorKey = a.Text(); break;
                case "--tenants": o.Tenants = a.Int(0); break;
                case "--users-per-tenant": o.UsersPerTenant = a.Int(1); break;
                case "--groups-per-tenant": o.GroupsPerTenant = a.Int(0); break;
                case "--duration": o.DurationSeconds = a.Int(1); break;
                case "--concurrency": o.Concurrency = a.Int(1); break;
                case "--seed": o.Seed = a.Int(int.MinValue); break;
                case "--out": o.Out = a.Text(); break;
                case "--timeout": o.TimeoutSeconds = a.Int(1); break;
                case "--initial-timeout": o.InitialTimeoutSeconds = a.Int(1); break;
                case "--conflict-rate": o.ConflictRate = a.Double(0, 1); break;
                case "--probe-tenant": o.ProbeTenant = true; break;
                case "--label": o.Label = a.Text(); break;
                case "--tenant-rate": o.TenantRate = a.Double(0, 100_000); break;
                case "--probe-rate": o.ProbeRate = a.Double(0, 10_000, minExclusive: true); break;
                case "--big-group": o.BigGroup = a.Int(0); break;
                case "--big-group-iterations": o.BigGroupIterations = a.Int(1); break;
                case "--server-pid": o.ServerPid = a.Int(1); break;
                case "--pg-pid": o.PgPid = a.Int(1); break;
                default: throw new ArgumentException($"Unknown option '{a.Name}'.\n\n{Usage}");
            }
        }

        if (string.IsNullOrEmpty(o.OperatorKey))
        {
            throw new ArgumentException("--operator-key (or TOTAL_OPERATOR_KEY) is required.");
        }

        Loopback.Require(o.Url);
        return o;
    }
}
