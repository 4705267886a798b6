using System.Net;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Modes;

/// <summary>
/// Cluster mode: <c>src/Silo</c> hosts run the grains on PostgreSQL; the API is a pure Orleans client that
/// finds them through the PostgreSQL membership table.
/// </summary>
[Needs(Requirement.PostgreSQL)]
public sealed class ClusterModeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_as_client_serves_operator_and_scim_calls_through_a_silo_host()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var silo = await TotalServer.StartSiloAsync(TestSettings.ForServer(database.ConnectionString));
        var apiSettings = TestSettings.ForServer(database.ConnectionString);
        apiSettings["Orleans:Mode"] = "Client";
        await using var api = await TotalServer.StartApiAsync(apiSettings);

        var tenant = await api.CreateOperatorClient().CreateTenantAsync("Clustered");
        using var scim = tenant.ScimClient();
        var scimResponse = await scim.GetAsync("ServiceProviderConfig", Cancel);
        using var apiClient = api.CreateClient();
        var ready = JsonNode.Parse(await apiClient.GetStringAsync("/readyz", Cancel))!;

        Assert.Equal(HttpStatusCode.OK, scimResponse.StatusCode);
        Assert.Equal("Cluster", (string?)ready["mode"]);
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM orleansmembershiptable WHERE status = 3")); // 3 = Active: one silo, the API is a client
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
        for (var i = 0; i < 6; i++)
        {
            tenants.Add(await operatorClient.CreateTenantAsync($"Tenant {i}"));
        }

        await silo1.DisposeAsync();

        // A graceful stop (what SIGTERM does) leaves cleanly: 6 = Dead, announced by the silo itself; a crashed
        // silo would still read 3 = Active until the others voted it out.
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM orleansmembershiptable WHERE status = 6"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM orleansmembershiptable WHERE status = 3"));
        foreach (var tenant in tenants)
        {
            using var scim = tenant.ScimClient();
            Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("ServiceProviderConfig", Cancel)).StatusCode);
            var fetched = await operatorClient.GetAsync($"/operator/tenants/{tenant.TenantId}", Cancel);
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        }
    }

    [Fact]
    public async Task Silo_host_answers_its_probes()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var silo = await TotalServer.StartSiloAsync(TestSettings.ForServer(database.ConnectionString));
        using var client = silo.CreateClient();

        var live = await client.GetAsync("/healthz", Cancel);
        var ready = JsonNode.Parse(await client.GetStringAsync("/readyz", Cancel))!;

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (string?)ready["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["postgres"]!["status"]);
    }
}
