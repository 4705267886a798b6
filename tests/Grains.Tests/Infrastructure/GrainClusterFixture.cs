using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Total.Api.Tests.Infrastructure;
using Total.Grains.Storage;

namespace Total.Grains.Tests.Infrastructure;

/// <summary>An in-process Orleans cluster with TOTAL's grains and their real in-memory services.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The grains' clock: a test class moves it forward to reach an expiry (each class has its own cluster).</summary>
    public ShiftableClock Clock { get; } = new();

    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress);

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.ProviderName);

            // Every tenant schedules its reconciliation reminder when it is created.
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddTotalGrainServices(new ConfigurationBuilder().Build(), connectionString: null);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
