using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Drills;

/// <summary>
/// Failure drills on a real cluster (silo hosts on PostgreSQL, the API as an Orleans client) under SCIM load:
/// a silo killed outright, and every silo restarted in turn. Every acknowledged write survives, nothing is
/// duplicated, and the load goes on. Failure detection is shortened (1 s probes) so a drill takes seconds.
/// </summary>
[Needs(Requirement.PostgreSQL)]
public sealed class SiloFailureDrillTests
{
    private static readonly TimeSpan LoadBefore = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan LoadAfter = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task Killing_a_silo_under_load_loses_no_acknowledged_write_and_the_load_continues_on_the_other()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var silo1 = await SiloProcess.StartAsync(ClusterSettings(database.ConnectionString));
        await using var silo2 = await SiloProcess.StartAsync(ClusterSettings(database.ConnectionString));
        await using var api = await StartClientApiAsync(database.ConnectionString);
        var tenant = await api.CreateOperatorClient().CreateTenantAsync("Drill");
        using var scim = tenant.ScimClient();
        scim.Timeout = TimeSpan.FromSeconds(20);
        var load = new ScimWriteLoad(scim, "kill");

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token);
        await Task.Delay(LoadBefore, TestContext.Current.CancellationToken);
        silo1.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await Task.Delay(LoadAfter, TestContext.Current.CancellationToken);

        // Once failure detection has declared the silo dead, writes go through the survivor.
        var recovered = killedAt + LoadAfter;
        await WaitForAcknowledgementAfterAsync(load, recovered);
        await stop.CancelAsync();
        await running;

        Assert.True(silo1.HasExited);
        Assert.False(silo2.HasExited);
        Assert.True(load.AcknowledgedAfter(recovered) > 0, $"the load goes on after the kill; statuses: {Describe(load)}");
        Assert.DoesNotContain(500, load.Statuses.Keys);
        await load.RetryFailedAsync(TestContext.Current.CancellationToken);
        await StoredUsers.AssertNothingLostOrDuplicatedAsync(database.ConnectionString, tenant.TenantId, load);
    }

    [Fact]
    public async Task A_rolling_restart_of_every_silo_under_load_loses_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var silo1 = await TotalServer.StartSiloAsync(ClusterSettings(database.ConnectionString));
        var silo2 = await TotalServer.StartSiloAsync(ClusterSettings(database.ConnectionString));
        await using var api = await StartClientApiAsync(database.ConnectionString);
        var tenant = await api.CreateOperatorClient().CreateTenantAsync("Rolling");
        using var scim = tenant.ScimClient();
        var load = new ScimWriteLoad(scim, "roll");

        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 4, stop.Token);
        await Task.Delay(LoadBefore, TestContext.Current.CancellationToken);

        // As a Deployment rollout does it: a new silo first (maxSurge 1), then an old one drains and stops.
        var silo3 = await TotalServer.StartSiloAsync(ClusterSettings(database.ConnectionString));
        await silo1.DisposeAsync();
        var silo4 = await TotalServer.StartSiloAsync(ClusterSettings(database.ConnectionString));
        await silo2.DisposeAsync();
        var restartedAt = DateTimeOffset.UtcNow;
        await WaitForAcknowledgementAfterAsync(load, restartedAt);
        await stop.CancelAsync();
        await running;

        Assert.True(load.AcknowledgedAfter(restartedAt) > 0, $"the load goes on after the rollout; statuses: {Describe(load)}");
        Assert.DoesNotContain(500, load.Statuses.Keys);
        await load.RetryFailedAsync(TestContext.Current.CancellationToken);
        await StoredUsers.AssertNothingLostOrDuplicatedAsync(database.ConnectionString, tenant.TenantId, load);
        await silo3.DisposeAsync();
        await silo4.DisposeAsync();
    }

    /// <summary>A cluster member's settings with failure detection and call timeouts shortened for the drill.</summary>
    private static Dictionary<string, string?> ClusterSettings(string connectionString)
    {
        var settings = TestSettings.ForServer(connectionString);
        settings["Orleans:Membership:ProbeTimeout"] = "00:00:01";
        settings["Orleans:Membership:NumMissedProbesLimit"] = "2";
        settings["Orleans:Membership:NumVotesForDeathDeclaration"] = "1";
        settings["Orleans:Messaging:ResponseTimeout"] = "00:00:05";
        settings["Lifecycle:ShutdownTimeout"] = "00:00:20";
        return settings;
    }

    private static Task<TotalServer> StartClientApiAsync(string connectionString)
    {
        var settings = ClusterSettings(connectionString);
        settings["Orleans:Mode"] = "Client";
        return TotalServer.StartApiAsync(settings);
    }

    /// <summary>Bounded wait (a loaded CI machine is slow, never a timing assertion) for a write acknowledged after <paramref name="moment"/>.</summary>
    private static async Task WaitForAcknowledgementAfterAsync(ScimWriteLoad load, DateTimeOffset moment)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (load.AcknowledgedAfter(moment) == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static string Describe(ScimWriteLoad load) =>
        string.Join(", ", load.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
}
