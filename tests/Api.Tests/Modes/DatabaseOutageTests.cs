using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Modes;

/// <summary>While PostgreSQL refuses connections, SCIM writes get 503 + Retry-After in SCIM format; then service resumes by itself.</summary>
[Needs(Requirement.PostgreSQL)]
public sealed class DatabaseOutageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_during_a_database_outage_get_503_with_retry_after_and_resume_after()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var server = await TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString));
        var tenant = await server.CreateOperatorClient().CreateTenantAsync();
        using var scim = tenant.ScimClient();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;

        await SetConnectionsAllowedAsync(name, allowed: false);
        HttpResponseMessage during;
        try
        {
            during = await scim.PostAsync("Users", UserBody("outage@contoso.example"), Cancel);
        }
        finally
        {
            await SetConnectionsAllowedAsync(name, allowed: true);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        var error = JsonNode.Parse(await during.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("503", (string?)error["status"]);
        var after = await scim.PostAsync("Users", UserBody("after@contoso.example"), Cancel);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    private static StringContent UserBody(string userName) =>
        new($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}"}""", Encoding.UTF8, "application/scim+json");

    /// <summary>Closes the test database to everyone (superusers included) and drops its open connections.</summary>
    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync(Cancel);
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE {database} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", connection))
        {
            await alter.ExecuteNonQueryAsync(Cancel);
        }

        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'", connection);
            await terminate.ExecuteNonQueryAsync(Cancel);
        }
    }
}
