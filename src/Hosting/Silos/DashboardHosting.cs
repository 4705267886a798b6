using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace Total.Hosting.Silos;

/// <summary>The Orleans dashboard on a silo, as <see cref="TotalDashboardOptions"/> asks.</summary>
public static class DashboardHosting
{
    /// <summary>The dashboard's grain-call filter, internal to Orleans.Dashboard, known here by its name.</summary>
    private const string ProfilerFilterTypeName = "Orleans.Dashboard.Implementation.GrainProfilerFilter";

    public static ISiloBuilder AddTotalDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = TotalDashboardOptions.From(configuration);
        if (!options.Enabled)
        {
            return silo;
        }

        silo.AddDashboard();
        if (!options.ProfileGrainCalls)
        {
            // The profiler filter runs on every grain call even while the profiler is idle; without it the
            // dashboard shows everything but per-method call statistics.
            var profiler = silo.Services.Single(service =>
                service.ServiceType == typeof(IIncomingGrainCallFilter) && service.ImplementationType?.FullName == ProfilerFilterTypeName);
            silo.Services.Remove(profiler);
        }

        return silo;
    }
}
