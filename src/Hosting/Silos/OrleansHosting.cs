using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Total.Hosting.Database;
using Total.Hosting.Lifecycle;
using Total.Hosting.Telemetry;

namespace Total.Hosting.Silos;

/// <summary>Wires Orleans into a host according to the run mode, plus the on-start database migrations.</summary>
public static class OrleansHosting
{
    /// <summary>
    /// The API: co-hosts a silo (embedded, single node) or is a pure client (cluster).
    /// </summary>
    public static IHostApplicationBuilder AddTotalOrleansForApi(this IHostApplicationBuilder builder)
    {
        var mode = TotalModes.Resolve(builder.Configuration);
        if (mode == TotalMode.Cluster)
        {
            builder.UseOrleansClient(client => client.AddTotalClient(builder.Configuration));
            builder.Services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectionRetry>();
        }
        else
        {
            builder.UseOrleans(silo => silo.AddTotalSilo(builder.Configuration, singleSilo: true));
        }

        return builder.AddCommon(new RunMode(mode, IsSiloHost: false));
    }

    /// <summary>
    /// <c>src/Silo</c>: one of several silos on PostgreSQL. Without a connection string it runs embedded,
    /// which is only useful to try the host locally.
    /// </summary>
    public static IHostApplicationBuilder AddTotalOrleansForSiloHost(this IHostApplicationBuilder builder)
    {
        var connectionString = TotalModes.ConnectionString(builder.Configuration);
        builder.UseOrleans(silo => silo.AddTotalSilo(builder.Configuration, singleSilo: false));
        return builder.AddCommon(new RunMode(connectionString is null ? TotalMode.Embedded : TotalMode.Cluster, IsSiloHost: true));
    }

    private static IHostApplicationBuilder AddCommon(this IHostApplicationBuilder builder, RunMode runMode)
    {
        builder.Services.AddSingleton(runMode);
        builder.Services.AddHostedService<RunModeAnnouncement>();
        builder.Services.AddGracefulShutdown(builder.Configuration);
        builder.AddTotalTelemetry(runMode.IsSiloHost ? "total-silo" : "total-api");
        builder.Services.AddSchemaMigrations(builder.Configuration, TotalModes.ConnectionString(builder.Configuration));
        return builder;
    }
}
