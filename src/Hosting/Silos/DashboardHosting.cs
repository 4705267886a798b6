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

    /// <summary>Starts the dashboard's OpenTelemetry reader of the runtime's metrics (internal to Orleans.Dashboard).</summary>
    private static readonly Type CountersHost = Dashboard.GetType("Orleans.Dashboard.DashboardHost", throwOnError: true)!;

    public static ISiloBuilder AddTotalDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = Options(configuration);
        if (!options.Enabled)
        {
            return silo;
        }

        silo.AddDashboard();
        if (!options.ProfileGrainCalls)
        {
            // The profiler's grain-call filter runs on every call even while the profiler is idle, and the counters
            // host's metrics reader makes the runtime record its metrics on every message. Without them the dashboard
            // still shows silos, grain activations and reminders (its grains activate on first use), but no
            // per-method statistics or runtime counters.
            Remove(silo.Services, service => service.ServiceType == typeof(IIncomingGrainCallFilter) && ComesFromDashboard(service));
            Remove(silo.Services, service => service.ServiceType == CountersHost || Involves(service, CountersHost)
                || service.ServiceType == typeof(IHostedService) && ComesFromDashboard(service));
        }

        return silo;
    }

    /// <summary>The <c>Dashboard</c> section, read while a host is composed: it decides which services exist.</summary>
    public static TotalDashboardOptions Options(IConfiguration configuration) =>
        configuration.GetSection(TotalDashboardOptions.Section).Get<TotalDashboardOptions>() ?? new TotalDashboardOptions();

    private static void Remove(IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        var registered = services.Where(match).ToList();
        if (registered.Count == 0)
        {
            throw new InvalidOperationException($"Orleans.Dashboard {Dashboard.GetName().Version} registers its services differently; review {nameof(DashboardHosting)}.");
        }

        foreach (var service in registered)
        {
            services.Remove(service);
        }
    }

    private static bool ComesFromDashboard(ServiceDescriptor service) =>
        (service.ImplementationType ?? service.ImplementationFactory?.Method.DeclaringType)?.Assembly == Dashboard;

    /// <summary>Registered as <paramref name="type"/>, or forwarded to it by a factory (Orleans' <c>AddFromExisting</c> captures the type).</summary>
    private static bool Involves(ServiceDescriptor service, Type type) =>
        service.ImplementationType == type
        || service.ImplementationFactory?.Target is { } closure
            && closure.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(field => field.GetValue(closure) as Type == type);
}
