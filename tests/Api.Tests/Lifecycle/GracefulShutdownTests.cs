using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Lifecycle;

/// <summary>
/// What SIGTERM sets in motion (the host's stop is the same path): readiness fails first while requests are still
/// served for the drain delay, then the server stops; a silo leaves the cluster cleanly (dead in the membership
/// table, not left for the others to suspect).
/// </summary>
public sealed class GracefulShutdownTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_fails_first_and_requests_are_still_served_during_the_drain_delay()
    {
        var settings = TestSettings.ForServer();
        settings["Lifecycle:DrainDelay"] = "00:00:03";
        await using var server = await TotalServer.StartApiAsync(settings);
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Cancel)).StatusCode);

        var stopping = server.StopAsync();
        var ready = await client.GetAsync("/readyz", Cancel);
        var live = await client.GetAsync("/healthz", Cancel);
        var served = await client.GetAsync("/scim/v2/nobody/ServiceProviderConfig", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, served.StatusCode);
        Assert.False(stopping.IsCompleted, "the server still drains");
        await stopping;
        Assert.True(server.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.IsCancellationRequested);
    }

    [Fact]
    public async Task A_stopped_silo_leaves_the_cluster_cleanly_and_the_other_serves_its_tenants()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var silo1 = await TotalServer.StartSiloAsync(TestSettings.ForServer(database.ConnectionString));
        await using var silo2 = await TotalServer.StartSiloAsync(TestSettings.ForServer(database.ConnectionString));
        var apiSettings = TestSettings.ForServer(database.ConnectionString);
        apiSettings["Orleans:Mode"] = "Client";
        await using var api = await TotalServer.StartApiAsync(apiSettings);
        using var operatorClient = api.CreateOperatorClient();
        var tenants = new List<CreatedTenant>();
        for (var i = 0; i < 4; i++)
        {
            tenants.Add(await operatorClient.CreateTenantAsync($"Tenant {i}"));
        }

        await silo1.DisposeAsync();

        // 6 = Dead: the silo announced its own departure (a crashed silo would still read 3 = Active until voted out).
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM orleansmembershiptable WHERE status = 6"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM orleansmembershiptable WHERE status = 3"));
        foreach (var tenant in tenants)
        {
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/operator/tenants/{tenant.TenantId}", Cancel)).StatusCode);
        }
    }
}
