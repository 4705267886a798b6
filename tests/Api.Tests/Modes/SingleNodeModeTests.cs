using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Tenants;

namespace Total.Api.Tests.Modes;

/// <summary>Single-node mode: co-hosted silo on real PostgreSQL. State must survive a full process restart.</summary>
[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeModeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tenant_survives_a_full_restart_and_its_scim_token_keeps_working()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        CreatedTenant tenant;
        await using (var first = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString)))
        {
            tenant = await first.CreateOperatorClient().CreateTenantAsync("Durable Inc");
        }

        await using var second = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString));
        using var operatorClient = second.CreateOperatorClient();
        var restartedTenant = new CreatedTenant(tenant.TenantId, new Uri(second.BaseAddress, $"/scim/v2/{tenant.TenantId}"), tenant.ScimToken, tenant.Body);
        using var scim = restartedTenant.ScimClient();

        var fetched = JsonNode.Parse(await operatorClient.GetStringAsync($"/operator/tenants/{tenant.TenantId}", Cancel))!;
        var scimResponse = await scim.GetAsync("ServiceProviderConfig", Cancel);

        Assert.Equal("Durable Inc", (string?)fetched["name"]);
        Assert.Equal(["TOTAL-Admins"], fetched["adminGroups"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(HttpStatusCode.OK, scimResponse.StatusCode);
        Assert.Contains(tenant.TenantId, await operatorClient.GetStringAsync("/operator/tenants", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_overlap_survives_a_restart()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        CreatedTenant tenant;
        string newToken;
        await using (var first = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString)))
        {
            using var operatorClient = first.CreateOperatorClient();
            tenant = await operatorClient.CreateTenantAsync();
            var rotation = await operatorClient.PostAsJsonAsync($"/operator/tenants/{tenant.TenantId}/scim-token", new { previousTokenValidForSeconds = 3600 }, Cancel);
            newToken = (string)(await rotation.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["scimToken"]!;
        }

        await using var second = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString));
        var url = new Uri(second.BaseAddress, $"/scim/v2/{tenant.TenantId}/ServiceProviderConfig");

        using var oldClient = second.CreateClient(tenant.ScimToken);
        using var newClient = second.CreateClient(newToken);
        Assert.Equal(HttpStatusCode.OK, (await oldClient.GetAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newClient.GetAsync(url, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_tenant_stored_with_a_current_and_a_previous_token_keeps_both_working_after_an_upgrade()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        CreatedTenant tenant;
        await using (var first = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString)))
        {
            tenant = await first.CreateOperatorClient().CreateTenantAsync("Stored Before Token Sets");
        }

        // The row as silos wrote it before token sets: a current token, and the onboarding one as the previous, in its overlap.
        const string row = "position('\"Name\":\"Stored Before Token Sets\"' in convert_from(payloadbinary, 'UTF8')) > 0";
        var stored = JsonNode.Parse((await database.ScalarAsync<string>($"SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE {row}"))!)!.AsObject();
        var current = ScimToken.Generate();
        stored.Remove("ScimTokens");
        stored.Remove("ScimTokenGeneration");
        stored["ScimTokenHash"] = Convert.ToBase64String(ScimToken.Hash(current));
        stored["ScimTokenIssuedAt"] = DateTimeOffset.UtcNow;
        stored["PreviousScimTokenHash"] = Convert.ToBase64String(ScimToken.Hash(tenant.ScimToken));
        stored["PreviousScimTokenValidUntil"] = DateTimeOffset.UtcNow.AddHours(1);
        Assert.Equal(1, await database.ScalarAsync<int>($"UPDATE orleansstorage SET payloadbinary = convert_to('{stored.ToJsonString()}', 'UTF8') WHERE {row} RETURNING 1"));

        await using var second = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString));
        using var operatorClient = second.CreateOperatorClient();
        var rotation = await operatorClient.PostAsJsonAsync($"/operator/tenants/{tenant.TenantId}/scim-token", new { previousTokenValidForSeconds = 3600 }, Cancel);
        var newest = (string)(await rotation.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["scimToken"]!;

        foreach (var token in new[] { tenant.ScimToken, current, newest })
        {
            using var client = second.CreateClient(token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/scim/v2/{tenant.TenantId}/ServiceProviderConfig", Cancel)).StatusCode);
        }
    }

    [Fact]
    public async Task Secrets_are_stored_only_hashed_or_encrypted()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var server = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString));
        using var operatorClient = server.CreateOperatorClient();
        const string clientSecret = "Kq8~plain-client-secret-that-must-not-be-stored";
        var response = await operatorClient.PostAsJsonAsync("/operator/tenants", new
        {
            name = "Encrypted Co",
            entraTenantId = Guid.NewGuid().ToString(),
            entraClientId = Guid.NewGuid().ToString(),
            entraClientSecret = clientSecret,
        }, Cancel);
        var scimToken = (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["scimToken"]!;

        var rows = await database.ScalarAsync<long>("SELECT count(*) FROM orleansstorage");
        var leaking = await database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleansstorage WHERE position('{clientSecret}' in convert_from(payloadbinary, 'UTF8')) > 0 OR position('{scimToken}' in convert_from(payloadbinary, 'UTF8')) > 0");

        Assert.True(rows > 0, "the tenant must be stored");
        Assert.Equal(0, leaking);
    }

    [Fact]
    public async Task Offboarding_deletes_the_stored_tenant()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var server = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString));
        using var operatorClient = server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync("Gone Ltd");
        var before = await database.ScalarAsync<long>($"SELECT count(*) FROM orleansstorage WHERE graintypestring = 'tenant' AND position('{tenant.TenantId}' in grainidextensionstring) > 0 OR position('Gone Ltd' in convert_from(payloadbinary, 'UTF8')) > 0");

        await operatorClient.DeleteAsync($"/operator/tenants/{tenant.TenantId}", Cancel);

        var after = await database.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE position('Gone Ltd' in convert_from(payloadbinary, 'UTF8')) > 0");
        Assert.True(before > 0, "the tenant row must exist before offboarding");
        Assert.Equal(0, after);
    }

    [Fact]
    public async Task Readyz_reports_single_node_with_a_healthy_database()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var server = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString));
        using var client = server.CreateClient();

        var response = await client.GetAsync("/readyz", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("SingleNode", (string?)body["mode"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["postgres"]!["status"]);
    }
}
