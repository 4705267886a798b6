namespace Total.Hosting.Silos;

/// <summary>
/// The Orleans dashboard (section <c>Dashboard</c>): served by the API at <c>/operator/dashboard</c>, for operators only.
/// Two switches that decide which services a host registers, so they are read while it is composed
/// (<see cref="DashboardHosting.Options"/>); the binder itself refuses a value that is not true or false.
/// </summary>
public sealed class TotalDashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>On by default: silos, grain counts, reminders and the runtime's counters.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Off by default: the dashboard's per-method grain-call profiler and its runtime counters record on every grain
    /// call and message, which cost about a third of the server's CPU per SCIM request in the initial-cycle
    /// benchmark (bench/README.md). An operator investigating hot grains turns it on for a while.
    /// </summary>
    public bool ProfileGrainCalls { get; set; }
}
