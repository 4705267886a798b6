using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Lifecycle;

/// <summary>
/// What SIGTERM sets in motion (the host's stop is the same path): readiness fails first while requests are still
/// served for the drain delay, then the server stops. That a stopped silo leaves the cluster cleanly is checked in
/// <see cref="ClusterModeTests"/>.
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
}
