using System.Net;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>
/// Per-tenant cap on SCIM requests in flight (<c>Scim:RateLimit:MaxConcurrentRequests</c>): requests over it get 429
/// with Retry-After and a SCIM error, other tenants are unaffected, and a finished request frees its slot.
/// </summary>
public sealed class ConcurrencyLimitTests : IAsyncLifetime
{
    private const int MaxConcurrentRequests = 2;

    private TotalServer? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.ForServer();
        settings["Scim:RateLimit:RequestsPerSecond"] = "0";
        settings["Scim:RateLimit:MaxConcurrentRequests"] = MaxConcurrentRequests.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _server = await TotalServer.StartApiAsync(settings);
    }

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task Request_over_the_tenants_in_flight_cap_gets_429_with_retry_after_and_a_scim_error()
    {
        var tenant = await _server!.CreateOperatorClient().CreateTenantAsync();
        using var scim = tenant.ScimClient();
        await using var held = await HeldRequests.StartAsync(tenant, MaxConcurrentRequests);

        using var limited = await scim.GetAsync("Users?count=1", Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var error = JsonNode.Parse(await limited.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("429", (string?)error["status"]);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
        Assert.Contains("at once", (string?)error["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_is_served_while_one_tenant_is_at_its_cap()
    {
        var operatorClient = _server!.CreateOperatorClient();
        var busy = await operatorClient.CreateTenantAsync("Busy");
        var quiet = await operatorClient.CreateTenantAsync("Quiet");
        using var busyScim = busy.ScimClient();
        await using var held = await HeldRequests.StartAsync(busy, MaxConcurrentRequests);

        using var quietScim = quiet.ScimClient();
        using var response = await quietScim.GetAsync("Users?count=1", Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await busyScim.GetAsync("Users?count=1", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Finished_requests_free_their_slots()
    {
        var tenant = await _server!.CreateOperatorClient().CreateTenantAsync();
        using var scim = tenant.ScimClient();
        var held = await HeldRequests.StartAsync(tenant, MaxConcurrentRequests);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await scim.GetAsync("Users?count=1", Cancel)).StatusCode);

        await held.DisposeAsync();
        using var response = await scim.GetAsync("Users?count=1", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
