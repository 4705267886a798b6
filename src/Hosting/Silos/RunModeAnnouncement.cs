using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Total.Hosting.Silos;

/// <summary>Says at start which mode runs; embedded mode says loudly that nothing survives a restart.</summary>
public sealed class RunModeAnnouncement(RunMode runMode, ILogger<RunModeAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (runMode.Mode)
        {
            case TotalMode.Embedded:
                logger.LogWarning(
                    "EMBEDDED MODE: data is EPHEMERAL. Tenants, users, groups and tokens live in memory and are lost when this process stops. Set ConnectionStrings__Total to a PostgreSQL database to keep them.");
                break;
            case TotalMode.SingleNode:
                logger.LogInformation("Single-node mode: co-hosted silo on PostgreSQL");
                break;
            case TotalMode.Cluster when runMode.IsSiloHost:
                logger.LogInformation("Silo host on PostgreSQL clustering, persistence and reminders");
                break;
            case TotalMode.Cluster:
                logger.LogInformation("Cluster mode: this API is an Orleans client; grains run on src/Silo hosts");
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
