using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Total.Api.Tests.SignIn;

/// <summary>Console → Access log, a user's access history, and the monitoring setting admins configure.</summary>
public sealed class AccessLogPageTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Grants_and_revocations_appear_with_their_source_and_cause_and_can_be_filtered()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var leaver = await tenant.ProvisionAdminAsync();
        await tenant.ScimAsync(HttpMethod.Patch, $"Groups/{tenant.AdminGroupId}", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Remove","path":"members[value eq \"{{leaver.UserId}}\"]"}]}""");

        var all = WebUtility.HtmlDecode(await SignedInConsole.PageAsync(browser, "/console/access"));
        var revocations = WebUtility.HtmlDecode(await SignedInConsole.PageAsync(browser, "/console/access?kind=revoked&source=scim"));

        Assert.Contains(leaver.UserName, all, StringComparison.Ordinal);
        Assert.Contains("Granted", all, StringComparison.Ordinal);
        Assert.Contains($"PATCH Groups/{tenant.AdminGroupId}", revocations, StringComparison.Ordinal);
        Assert.Contains("Revoked", revocations, StringComparison.Ordinal);
        Assert.DoesNotContain(">Granted<", revocations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_a_grant_names_has_its_secrets_redacted_and_control_characters_escaped()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var joiner = await tenant.ProvisionUserAsync();
        tenant.Graph.ChangeMembers(SignInTenant.AdminGroupObjectId, add: [joiner.Oid], remove: []);

        await tenant.ScimAsync(HttpMethod.Patch, $"Groups/{tenant.AdminGroupId}?access_token=leak-1&note=a%0D%0Ab", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Add","path":"members","value":[{"value":"{{joiner.UserId}}"}]}]}""");
        var html = WebUtility.HtmlDecode(await SignedInConsole.PageAsync(browser, "/console/access?kind=granted"));

        Assert.DoesNotContain("leak-1", html, StringComparison.Ordinal);
        Assert.Contains($"PATCH Groups/{tenant.AdminGroupId}?access_token=[redacted]&note=a\\r\\nb", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_page_shows_their_admin_access_history()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var leaver = await tenant.ProvisionAdminAsync();
        await tenant.ScimAsync(HttpMethod.Patch, $"Users/{leaver.UserId}", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

        var html = WebUtility.HtmlDecode(await SignedInConsole.PageAsync(browser, $"/console/users/{leaver.UserId}"));

        Assert.Contains("revoked</strong> (scim)", html, StringComparison.Ordinal);
        Assert.Contains("disabled (active = false)", html, StringComparison.Ordinal);
        Assert.Contains("granted</strong> (scim)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_off_monitoring_of_directly_assigned_people_takes_effect()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var direct = await tenant.ProvisionUserAsync();
        Assert.True(await MonitoredAsync(tenant.TenantId, direct.Oid));

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=Groups", [new("adminGroups", SignInTenant.AdminGroupObjectId)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await MonitoredAsync(tenant.TenantId, direct.Oid));
        var checkbox = System.Text.RegularExpressions.Regex.Match(await SignedInConsole.PageAsync(browser, "/console/settings"), "<input[^>]*data-testid=\"monitor-outside-groups\"[^>]*>").Value;
        Assert.NotEmpty(checkbox);
        Assert.DoesNotContain("checked", checkbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
    }

    private async Task<bool> MonitoredAsync(string tenantId, string oid)
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var decision = await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenantId}/access?oid={oid}", Cancel);
        return (bool)decision!["monitored"]!;
    }
}
