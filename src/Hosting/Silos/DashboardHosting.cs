using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Total.Hosting.Silos;

/// <summary>The Orleans dashboard on a silo, as <see cref="TotalDashboardOptions"/> asks.</summary>
public static class DashboardHosting
{
    private static readonly Assembly Dashboard = typeof(DashboardOptions).Assembly;

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
            // The profiler's grain-call filter runs on every call even while the profiler is idle, and the dashboard's
            // hosted service starts an OpenTelemetry reader that makes the runtime record its metrics on every message.
            // Without them the dashboard still shows silos, grain activations and reminders (its grains and endpoints
            // activate on first use), but no per-method statistics or runtime counters.
            RemoveDashboardRegistrations(silo.Services, typeof(IIncomingGrainCallFilter));
            RemoveDashboardRegistrations(silo.Services, typeof(IHostedService));
        }

        return silo;
    }

    /// <summary>Removes what the dashboard registered as <paramref name="serviceType"/> (by type or by factory).</summary>
    private static void RemoveDashboardRegistrations(IServiceCollection services, Type serviceType)
    {
        var registered = services
            .Where(service => service.ServiceType == serviceType && (service.ImplementationType ?? service.ImplementationFactory?.Method.DeclaringType)?.Assembly == Dashboard)
            .ToList();
        if (registered.Count == 0)
        {
            throw new InvalidOperationException($"The Orleans dashboard registers no {serviceType.Name} any more; review {nameof(DashboardHosting)} for this version of Orleans.Dashboard.");
        }

        foreach (var service in registered)
        {
            services.Remove(service);
        }
    }
}
