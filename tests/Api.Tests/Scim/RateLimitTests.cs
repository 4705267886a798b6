using System.Net;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>Per-tenant SCIM rate limit: 429 + Retry-After + SCIM error for the tenant over its budget, and nobody else.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TotalServer? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.ForServer();
        settings["Scim:RateLimit:RequestsPerSecond"] = "1";
        settings["Scim:RateLimit:Burst"] = "2";
        _server = await TotalServer.StartApiAsync(settings);
    }

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task Tenant_over_its_budget_gets_429_with_retry_after_and_a_scim_error()
    {
        var tenant = await _server!.CreateOperatorClient().CreateTenantAsync();
        using var scim = tenant.ScimClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await scim.GetAsync("Users?count=1", Cancel));
        }

        Assert.All(responses.Take(2), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var limited = Assert.IsType<HttpResponseMessage>(responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var error = JsonNode.Parse(await limited.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("429", (string?)error["status"]);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
    }

    [Fact]
    public async Task One_tenant_over_its_budget_does_not_limit_another()
    {
        var operatorClient = _server!.CreateOperatorClient();
        var noisy = await operatorClient.CreateTenantAsync("Noisy");
        var quiet = await operatorClient.CreateTenantAsync("Quiet");
        using var noisyScim = noisy.ScimClient();
        for (var i = 0; i < 10; i++)
        {
            await noisyScim.GetAsync("Users?count=1", Cancel);
        }

        using var quietScim = quiet.ScimClient();
        var response = await quietScim.GetAsync("Users?count=1", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Requests_with_bad_tokens_do_not_spend_the_tenants_budget()
    {
        var tenant = await _server!.CreateOperatorClient().CreateTenantAsync();
        using var attacker = tenant.ScimClient("totscim_not-the-token");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.GetAsync("Users?count=1", Cancel)).StatusCode);
        }

        using var scim = tenant.ScimClient();
        var response = await scim.GetAsync("Users?count=1", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
