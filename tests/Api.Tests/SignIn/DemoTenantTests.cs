using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Graph;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Graph;

namespace Total.Api.Tests.SignIn;

/// <summary>Embedded Development mode seeds tenant "demo" so a newcomer can sign in through the stand-in at once.</summary>
public sealed class DemoTenantTests : IAsyncLifetime
{
    private TotalServer? _server;

    public async ValueTask InitializeAsync()
    {
        var settings = StandInServerFixture.Settings("Development");
        settings["Demo:Enabled"] = "true";
        settings["Logging:LogLevel:Total.DevStandIns.Demo.DemoTenantSeeder"] = "Error";
        _server = await TotalServer.StartApiAsync(settings);
    }

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task Demo_admin_signs_in_and_disabled_demo_admin_is_refused()
    {
        using var browser = new ConsoleBrowser(_server!.BaseAddress);
        var ada = await DemoUserAsync("ada@demo.example");
        var dan = await DemoUserAsync("dan@demo.example");

        var adaLanding = await browser.SignInAsync("demo", (string)ada["externalId"]!, "Ada Admin", "ada@demo.example");
        var console = await browser.GetAsync("/console");
        using var other = new ConsoleBrowser(_server.BaseAddress);
        var danLanding = await other.SignInAsync("demo", (string)dan["externalId"]!, "Dan Disabled", "dan@demo.example");

        Assert.Equal("/console", adaLanding.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Demo Organisation", await console.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("reason=Disabled", danLanding.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_admin_group_reads_from_the_graph_stand_in_with_the_demo_app_registration()
    {
        var grains = _server!.Services.GetRequiredService<IGrainFactory>();
        var app = (await grains.GetGrain<ITenantGrain>("demo").GetSignInSettingsAsync())!;
        var admins = await DemoResourceAsync("Group", "displayName eq \"TOTAL-Admins\"");
        var ada = await DemoUserAsync("ada@demo.example");
        var dan = await DemoUserAsync("dan@demo.example");
        var adminsId = (string)admins["externalId"]!;

        var read = await _server.Services.GetRequiredService<IEntraGroupReader>().ReadAsync(
            new GraphCredentials(app.EntraTenantId, app.ClientId!, app.ClientSecret!), [adminsId], null, TestContext.Current.CancellationToken);

        Assert.Equal(new HashSet<string> { (string)ada["externalId"]!, (string)dan["externalId"]! }, read.Added[adminsId]);
    }

    [Fact]
    public async Task Demo_work_email_finds_the_demo_tenant_on_the_generic_sign_in_page()
    {
        using var browser = new ConsoleBrowser(_server!.BaseAddress);

        var response = await browser.SubmitAsync("/signin", "/signin", [new("Email", "ada@demo.example")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/t/demo/signin?login_hint=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_tenant_reconciles_with_the_graph_stand_in()
    {
        using var operatorClient = _server!.CreateOperatorClient();

        var response = await operatorClient.PostAsync("/operator/tenants/demo/reconciliation", null, TestContext.Current.CancellationToken);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(("succeeded", "scimAndGraph", 0), ((string)status["outcome"]!, (string)status["mode"]!, (int)status["revoked"]!));
        Assert.Equal(1, (int)status["adminsChecked"]!);
    }

    private Task<JsonObject> DemoUserAsync(string userName) => DemoResourceAsync("User", $"userName eq \"{userName}\"");

    private async Task<JsonObject> DemoResourceAsync(string resourceType, string filter)
    {
        var page = await _server!.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IDirectoryQueryGrain>(ScimKeys.Query("demo", Total.Scim.Schema.ScimResourceSchema.Named(resourceType)))
            .QueryAsync(new DirectoryQuery(filter, null, false, 1, 1));
        return JsonNode.Parse(Assert.Single(page.Resources))!.AsObject();
    }
}
