namespace Total.Hosting.Silos;

/// <summary>The Orleans dashboard (section <c>Dashboard</c>): served by the API at <c>/operator/dashboard</c>, for operators only.</summary>
public sealed class TotalDashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>On by default; it profiles every grain call, so a silo spends a little CPU on it.</summary>
    public bool Enabled { get; set; } = true;

    public static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<TotalDashboardOptions>() ?? new TotalDashboardOptions()).Enabled;
}
