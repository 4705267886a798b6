using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;
using Total.Api.Tests.SignIn;
using Total.DevStandIns.Entra;
using Total.DevStandIns.Graph;

namespace Total.Api.Tests.Revocation;

/// <summary>
/// The reconciliation path: Microsoft Graph (the stand-in, read by the real SDK) says an admin left the admin group
/// in Entra, SCIM never says so, and the next reconciliation revokes access and ends the open session. Graph only
/// ever takes access away; a failing or throttling Graph leaves what SCIM says in place and is reported.
/// </summary>
public abstract class GraphReconciliationTests
{
    private const string AdminGroupObjectId = SignInTenant.AdminGroupObjectId;

    protected abstract TotalServer Server { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_removed_only_in_entra_loses_access_at_the_next_reconciliation()
    {
        var (tenant, admin, browser, graph) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        Assert.Equal("succeeded", (string)(await ReconcileAsync(tenant))["outcome"]!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);

        graph.ChangeMembers(AdminGroupObjectId, add: [], remove: [admin.Oid]);
        var status = await ReconcileAsync(tenant);

        Assert.Equal(("succeeded", "scimAndGraph", 1), ((string)status["outcome"]!, (string)status["mode"]!, (int)status["revoked"]!));
        await ScimRevocationTests.AssertSessionEndedAsync(browser);
        var revoked = (await AccessLogAsync(tenant))[0]!;
        Assert.Equal(("revoked", "graph"), ((string)revoked["kind"]!, (string)revoked["source"]!));
        Assert.Contains("delta", (string)revoked["detail"]!, StringComparison.Ordinal);
        Assert.False(await AdminAsync(tenant, admin.Oid));
    }

    [Fact]
    public async Task Graph_never_grants_access_that_scim_did_not()
    {
        var (tenant, _, browser, graph) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        var bystander = await tenant.ProvisionUserAsync();
        graph.ChangeMembers(AdminGroupObjectId, add: [bystander.Oid], remove: []);

        await ReconcileAsync(tenant);

        Assert.False(await AdminAsync(tenant, bystander.Oid));
    }

    [Fact]
    public async Task Back_in_the_admin_group_in_entra_gives_back_what_scim_grants()
    {
        var (tenant, admin, browser, graph) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        await ReconcileAsync(tenant);
        graph.ChangeMembers(AdminGroupObjectId, add: [], remove: [admin.Oid]);
        await ReconcileAsync(tenant);
        Assert.False(await AdminAsync(tenant, admin.Oid));

        graph.ChangeMembers(AdminGroupObjectId, add: [admin.Oid], remove: []);
        await ReconcileAsync(tenant);

        Assert.True(await AdminAsync(tenant, admin.Oid));
    }

    [Fact]
    public async Task An_expired_delta_link_falls_back_to_listing_every_member()
    {
        var (tenant, admin, browser, graph) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        await ReconcileAsync(tenant);

        graph.ExpireDeltaTokens();
        graph.ChangeMembers(AdminGroupObjectId, add: [], remove: [admin.Oid]);
        var status = await ReconcileAsync(tenant);

        Assert.True((bool)status["deltaExpired"]!);
        Assert.Equal(1, (int)status["revoked"]!);
        await ScimRevocationTests.AssertSessionEndedAsync(browser);
    }

    [Fact]
    public async Task Throttling_is_honoured_and_reported()
    {
        var (tenant, admin, browser, graph) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        graph.ChangeMembers(AdminGroupObjectId, add: [], remove: [admin.Oid]);
        graph.Knobs.ThrottleNext(1, retryAfterSeconds: 1);

        var status = await ReconcileAsync(tenant);

        Assert.Equal("succeeded", (string)status["outcome"]!);
        Assert.True((int)status["graphThrottled"]! >= 1);
        Assert.True(graph.Counters.Throttled >= 1);
        await ScimRevocationTests.AssertSessionEndedAsync(browser);
    }

    [Fact]
    public async Task A_failing_graph_is_reported_and_leaves_what_scim_says()
    {
        var (tenant, admin, browser, graph) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        graph.Knobs.FailNext(20);

        var status = await ReconcileAsync(tenant);

        Assert.Equal("graphFailed", (string)status["outcome"]!);
        Assert.False(string.IsNullOrEmpty((string?)status["error"]));
        Assert.True(await AdminAsync(tenant, admin.Oid));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
        var settings = WebUtility.HtmlDecode(await SignedInConsole.PageAsync(browser, "/console/settings"));
        Assert.Contains("Microsoft Graph could not be read", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_fail_the_graph_check_with_what_to_fix()
    {
        var (tenant, _, browser, _) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        Server.Services.GetRequiredService<StandInAppRegistrations>()
            .Register(tenant.EntraTenantId, new StandInAppRegistration(Guid.NewGuid().ToString(), "the-real-secret", ConsentGranted: true));

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=TestGraph", []);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Contains("data-testid=\"graph-check\"", html, StringComparison.Ordinal);
        Assert.Contains("AADSTS", html, StringComparison.Ordinal);
        Assert.DoesNotContain("stand-in-accepts-any-secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_graph_check_succeeds_with_working_credentials()
    {
        var (_, _, browser, _) = await SignedInAdminWithGraphAsync();
        using var _ = browser;

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=TestGraph", []);

        Assert.Contains("Graph access works", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_without_graph_credentials_is_reconciled_by_scim_only_and_the_console_says_so()
    {
        var (tenant, _, browser, _) = await SignedInAdminWithGraphAsync();
        using var _ = browser;
        using var operatorClient = Server.CreateOperatorClient();
        await operatorClient.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/entra-app", new { entraClientId = "" }, Cancel);

        var status = await ReconcileAsync(tenant);

        Assert.Equal(("succeeded", "scimOnly"), ((string)status["outcome"]!, (string)status["mode"]!));
        var settings = await SignedInConsole.PageAsync(browser, "/console/settings");
        Assert.Contains("Provisioning only", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_tenants_slow_graph_does_not_hold_up_another_tenant()
    {
        var (slow, _, slowBrowser, slowGraph) = await SignedInAdminWithGraphAsync();
        var (fast, fastAdmin, fastBrowser, fastGraph) = await SignedInAdminWithGraphAsync();
        using var _ = slowBrowser;
        using var __ = fastBrowser;
        slowGraph.Knobs.ResponseDelay = TimeSpan.FromSeconds(2);
        fastGraph.ChangeMembers(AdminGroupObjectId, add: [], remove: [fastAdmin.Oid]);

        var slowRun = ReconcileAsync(slow);
        var fastStatus = await ReconcileAsync(fast);

        Assert.False(slowRun.IsCompleted, "the slow tenant's run was still going when the other tenant's finished");
        Assert.Equal(1, (int)fastStatus["revoked"]!);
        await slowRun;
    }

    private async Task<(SignInTenant Tenant, SignInPerson Admin, ConsoleBrowser Browser, GraphStandInTenant Graph)> SignedInAdminWithGraphAsync()
    {
        var tenant = await SignInTenant.OnboardAsync(Server);
        var (admin, browser) = await SignedInConsole.AdminOfAsync(Server, tenant);
        return (tenant, admin, browser, tenant.Graph);
    }

    private async Task<JsonObject> ReconcileAsync(SignInTenant tenant)
    {
        using var operatorClient = Server.CreateOperatorClient();
        return await operatorClient.ReconcileAsync(tenant.TenantId);
    }

    private async Task<bool> AdminAsync(SignInTenant tenant, string oid)
    {
        using var operatorClient = Server.CreateOperatorClient();
        return (bool)(await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenant.TenantId}/access?oid={oid}", Cancel))!["admin"]!;
    }

    private async Task<JsonArray> AccessLogAsync(SignInTenant tenant)
    {
        using var operatorClient = Server.CreateOperatorClient();
        return (JsonArray)(await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenant.TenantId}/access-log", Cancel))!["events"]!;
    }
}

public sealed class EmbeddedGraphReconciliationTests(StandInServerFixture fixture) : GraphReconciliationTests, IClassFixture<StandInServerFixture>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeGraphReconciliationTests(SingleNodeStandInServerFixture fixture) : GraphReconciliationTests, IClassFixture<SingleNodeStandInServerFixture>
{
    protected override TotalServer Server => fixture.Server;
}
