using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>SCIM bearer tokens: per tenant, hashed, rotated with an overlap so Entra never sees a 401 mid-rotation.</summary>
public sealed class ScimTokenTests : IAsyncLifetime
{
    private readonly ShiftableClock _clock = new();
    private TotalServer? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TotalServer Server => _server!;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.ForServer();
        settings["Scim:TokenCacheDuration"] = "00:00:05";
        _server = await TotalServer.StartApiAsync(settings, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
    }

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        var tenant = await Server.CreateOperatorClient().CreateTenantAsync();
        using var scim = tenant.ScimClient();

        var response = await scim.GetAsync("ServiceProviderConfig", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Bearer totscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Missing_or_wrong_token_is_401_with_a_scim_error(string? authorization)
    {
        var tenant = await Server.CreateOperatorClient().CreateTenantAsync();
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, tenant.ScimBaseUrl + "/ServiceProviderConfig");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
        Assert.Equal("401", (string?)error["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["detail"]));
    }

    [Fact]
    public async Task Token_of_another_tenant_is_401()
    {
        var operatorClient = Server.CreateOperatorClient();
        var contoso = await operatorClient.CreateTenantAsync("Contoso");
        var fabrikam = await operatorClient.CreateTenantAsync("Fabrikam");
        using var fabrikamTokenOnContosoUrl = contoso.ScimClient(fabrikam.ScimToken);

        var response = await fabrikamTokenOnContosoUrl.GetAsync("ServiceProviderConfig", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_for_unknown_tenant_url_is_401()
    {
        var tenant = await Server.CreateOperatorClient().CreateTenantAsync();
        using var client = Server.CreateClient(tenant.ScimToken);

        var response = await client.GetAsync("/scim/v2/nosuchtenant/ServiceProviderConfig", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Rotation_keeps_the_previous_token_valid_during_the_overlap()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();

        var rotation = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 3600);

        var newToken = (string)rotation["scimToken"]!;
        Assert.NotEqual(tenant.ScimToken, newToken);
        Assert.NotNull((string?)rotation["previousTokenValidUntil"]);
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, newToken));
    }

    [Fact]
    public async Task Previous_token_stops_working_when_the_overlap_ends()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));
        var rotation = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 3600);

        _clock.Advance(TimeSpan.FromSeconds(3601));

        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(tenant, tenant.ScimToken));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, (string)rotation["scimToken"]!));
    }

    [Fact]
    public async Task Rotation_with_zero_overlap_revokes_the_previous_token_at_once()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));

        var rotation = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 0);

        Assert.Null((string?)rotation["previousTokenValidUntil"]);
        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(tenant, tenant.ScimToken));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, (string)rotation["scimToken"]!));
    }

    [Fact]
    public async Task Two_rotations_with_an_overlap_leave_all_three_tokens_working()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        var second = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 3600);

        var third = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 3600);

        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, (string)second["scimToken"]!));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, (string)third["scimToken"]!));
    }

    [Fact]
    public async Task Each_earlier_token_works_until_its_own_overlap_ends()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        var second = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 7200);
        _clock.Advance(TimeSpan.FromHours(1));
        await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 7200);

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(tenant, tenant.ScimToken));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, (string)second["scimToken"]!));
    }

    [Fact]
    public async Task Rotating_past_five_live_tokens_is_409_and_every_token_keeps_working()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        var tokens = await FiveLiveTokensAsync(operatorClient, tenant);

        var refused = await operatorClient.PostAsJsonAsync($"/operator/tenants/{tenant.TenantId}/scim-token", new { previousTokenValidForSeconds = 3600 }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync(Cancel))!;
        Assert.Contains("previousTokenValidForSeconds", (string?)problem["detail"], StringComparison.Ordinal);
        foreach (var token in tokens)
        {
            Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, token));
        }
    }

    [Fact]
    public async Task Rotation_with_zero_overlap_revokes_every_earlier_token_at_once_even_with_five_live()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        var tokens = await FiveLiveTokensAsync(operatorClient, tenant);

        // Each one accepted once, so this process's token cache holds them all.
        foreach (var token in tokens)
        {
            Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, token));
        }

        var rotation = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 0);

        foreach (var token in tokens)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(tenant, token));
        }

        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, (string)rotation["scimToken"]!));
    }

    [Fact]
    public async Task Tenant_lists_each_earlier_token_still_working_with_its_end()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        var first = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 7200);
        var second = await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 3600);

        var details = (await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenant.TenantId}", Cancel))!;

        var ends = details["earlierScimTokens"]!.AsArray().Select(t => (string)t!["validUntil"]!).ToList();
        Assert.Equal([(string)first["previousTokenValidUntil"]!, (string)second["previousTokenValidUntil"]!], ends);
        Assert.Equal((string)second["previousTokenValidUntil"]!, (string?)details["previousScimTokenValidUntil"]);
    }

    [Fact]
    public async Task Rotation_without_body_uses_the_configured_overlap()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();

        var response = await operatorClient.PostAsync($"/operator/tenants/{tenant.TenantId}/scim-token", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var validUntil = DateTimeOffset.Parse((string)body["previousTokenValidUntil"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(validUntil - _clock.GetUtcNow(), TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2592001)]
    public async Task Rotation_with_an_out_of_range_overlap_is_400_and_keeps_the_token(int seconds)
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();

        var response = await operatorClient.PostAsJsonAsync($"/operator/tenants/{tenant.TenantId}/scim-token", new { previousTokenValidForSeconds = seconds }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));
    }

    [Fact]
    public async Task Offboarded_tenant_token_stops_working()
    {
        var operatorClient = Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        Assert.Equal(HttpStatusCode.OK, await ScimStatusAsync(tenant, tenant.ScimToken));

        await operatorClient.DeleteAsync($"/operator/tenants/{tenant.TenantId}", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, await ScimStatusAsync(tenant, tenant.ScimToken));
    }

    /// <summary>The onboarding token and four more, each rotated with an hour's overlap: as many as may work at once.</summary>
    private static async Task<List<string>> FiveLiveTokensAsync(HttpClient operatorClient, CreatedTenant tenant)
    {
        var tokens = new List<string> { tenant.ScimToken };
        for (var i = 0; i < 4; i++)
        {
            tokens.Add((string)(await RotateAsync(operatorClient, tenant.TenantId, previousTokenValidForSeconds: 3600))["scimToken"]!);
        }

        return tokens;
    }

    private static async Task<JsonObject> RotateAsync(HttpClient operatorClient, string tenantId, int previousTokenValidForSeconds)
    {
        var response = await operatorClient.PostAsJsonAsync($"/operator/tenants/{tenantId}/scim-token", new { previousTokenValidForSeconds }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }

    private static async Task<HttpStatusCode> ScimStatusAsync(CreatedTenant tenant, string token)
    {
        using var client = tenant.ScimClient(token);
        return (await client.GetAsync("ServiceProviderConfig", Cancel)).StatusCode;
    }
}
