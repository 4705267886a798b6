using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Drills;

/// <summary>
/// PostgreSQL restarted under SCIM load: while it is down, writes get 503 with Retry-After and a SCIM error body
/// (Entra retries those), never a 500; when it is back, service resumes by itself and no acknowledged write is lost.
/// </summary>
[Needs(Requirement.PostgreSQL)]
public sealed class PostgresRestartDrillTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_get_503_while_postgres_is_down_and_resume_by_themselves_after_a_restart()
    {
        await using var postgres = await OwnPostgres.StartAsync();
        await using var server = await TotalServer.StartApiAsync(TestSettings.ForServer(postgres.ConnectionString + ";Timeout=5;Command Timeout=10"));
        var tenant = await server.CreateOperatorClient().CreateTenantAsync("Restart");
        using var scim = tenant.ScimClient();
        scim.Timeout = TimeSpan.FromSeconds(20);
        var load = new ScimWriteLoad(scim, "pg");
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 3, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);

        await postgres.StopAsync();
        HttpResponseMessage during;
        try
        {
            during = await scim.PostAsync("Users", new StringContent("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"while-down@drill.example"}""", Encoding.UTF8, "application/scim+json"), Cancel);
            await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        }
        finally
        {
            await postgres.ResumeAsync();
        }

        var resumedAt = DateTimeOffset.UtcNow;
        var deadline = resumedAt + TimeSpan.FromSeconds(60);
        while (load.AcknowledgedAfter(resumedAt) == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250, Cancel);
        }

        await stop.CancelAsync();
        await running;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        var error = JsonNode.Parse(await during.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("503", (string?)error["status"]);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
        Assert.True(load.AcknowledgedAfter(resumedAt) > 0, "writes resume by themselves once PostgreSQL is back");
        Assert.DoesNotContain(500, load.Statuses.Keys);
        await load.RetryFailedAsync(Cancel);
        await StoredUsers.AssertNothingLostOrDuplicatedAsync(postgres.ConnectionString, tenant.TenantId, load);
    }
}
