using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Total.Api.Tests.SignIn;

/// <summary>Settings → SSO &amp; Provisioning: what an admin copies into Entra and the groups that decide access.</summary>
public sealed partial class SettingsPageTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private const string HelpdeskObjectId = "4f1d2e3c-5b6a-4798-8a9b-0c1d2e3f4a5b";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shows_tenant_url_redirect_uri_and_provisioned_groups()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.ScimAsync(HttpMethod.Post, "Groups", """{"displayName":"All-Staff","externalId":"0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02","members":[]}""");

        var html = await PageAsync(browser);

        Assert.Contains(tenant.ScimBase.ToString().TrimEnd('/'), html, StringComparison.Ordinal);
        Assert.Contains($"/signin-oidc/{tenant.TenantId}", html, StringComparison.Ordinal);
        Assert.Contains("All-Staff", html, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.ScimToken, html, StringComparison.Ordinal);
        Assert.DoesNotContain("stand-in-accepts-any-secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generating_a_token_redirects_and_shows_it_once_after_the_redirect()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=RotateToken", [new("overlapHours", "24")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/settings", response.Headers.Location!.OriginalString);
        var newToken = NewToken().Match(await PageAsync(browser)).Groups[1].Value;
        Assert.StartsWith("totscim_", newToken, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tenant.SendScimAsync(HttpMethod.Get, "Users?count=1", null, newToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tenant.SendScimAsync(HttpMethod.Get, "Users?count=1", null, tenant.ScimToken)).StatusCode);
        Assert.DoesNotContain(newToken, await PageAsync(browser), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generating_a_token_with_no_overlap_stops_the_old_one_now()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;

        await browser.SubmitAsync("/console/settings", "/console/settings?handler=RotateToken", [new("overlapHours", "0")]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.SendScimAsync(HttpMethod.Get, "Users?count=1", null, tenant.ScimToken)).StatusCode);
    }

    [Fact]
    public async Task Submitting_the_generate_form_twice_rotates_once_and_every_token_keeps_working()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var form = await browser.FormAsync("/console/settings", "/console/settings?handler=RotateToken");
        form.Add(new("overlapHours", "24"));

        // What a double click, or reloading the answer to the POST, sends: the same form again.
        await browser.PostAsync("/console/settings?handler=RotateToken", form);
        var again = await browser.PostAsync("/console/settings?handler=RotateToken", form);

        Assert.Contains("already", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tenant.SendScimAsync(HttpMethod.Get, "Users?count=1", null, tenant.ScimToken)).StatusCode);
        Assert.Single((await TenantAsync(tenant))["earlierScimTokens"]!.AsArray());
    }

    [Fact]
    public async Task Generating_a_token_when_five_are_live_says_why_and_keeps_every_token()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        using var operatorClient = fixture.Server.CreateOperatorClient();
        for (var i = 0; i < 4; i++)
        {
            var rotated = await operatorClient.PostAsJsonAsync($"/operator/tenants/{tenant.TenantId}/scim-token", new { previousTokenValidForSeconds = 3600 }, Cancel);
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=RotateToken", [new("overlapHours", "24")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("5 Secret Tokens", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await tenant.SendScimAsync(HttpMethod.Get, "Users?count=1", null, tenant.ScimToken)).StatusCode);
    }

    [Fact]
    public async Task Saving_groups_stores_the_chosen_groups_by_object_id()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.ScimAsync(HttpMethod.Post, "Groups", """{"displayName":"All-Staff","externalId":"0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02","members":[]}""");

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=Groups",
            [new("adminGroups", SignInTenant.AdminGroupObjectId), new("monitoredGroups", "0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await TenantAsync(tenant);
        Assert.Equal([SignInTenant.AdminGroupObjectId], stored["adminGroups"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02"], stored["monitoredGroups"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task Unticking_the_only_admin_group_is_refused_and_every_admin_keeps_access()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=Groups", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertConfirmationAskedAndNothingChangedAsync(response, tenant, browser);
    }

    [Fact]
    public async Task Typing_the_organisations_name_confirms_removing_every_admin()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;

        await browser.SubmitAsync("/console/settings", "/console/settings?handler=Groups", [new("confirmOrganisationName", tenant.Name)]);

        Assert.Empty(await AdminGroupsAsync(tenant));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_mistyped_organisation_name_confirms_nothing()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=Groups", [new("confirmOrganisationName", "Contoso")]);

        await AssertConfirmationAskedAndNothingChangedAsync(response, tenant, browser);
    }

    [Fact]
    public async Task A_change_that_ends_only_your_own_access_needs_the_organisations_name()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;

        // The organisation keeps an admin (the helpdesk's member), but not the one pressing Save.
        var helpdesk = await tenant.ProvisionUserAsync();
        await tenant.ScimAsync(HttpMethod.Post, "Groups", $$"""{"displayName":"Helpdesk","externalId":"{{HelpdeskObjectId}}","members":[{"value":"{{helpdesk.UserId}}"}]}""");

        var response = await browser.SubmitAsync("/console/settings", "/console/settings?handler=Groups", [new("adminGroups", HelpdeskObjectId)]);

        Assert.Contains("your own", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        await AssertConfirmationAskedAndNothingChangedAsync(response, tenant, browser);
    }

    [Fact]
    public async Task Client_secret_is_write_only_and_kept_when_left_empty()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var clientId = Guid.NewGuid().ToString();

        await browser.SubmitAsync("/console/settings", "/console/settings?handler=EntraApp", [new("clientId", clientId), new("clientSecret", "")]);

        var stored = await TenantAsync(tenant);
        Assert.Equal(clientId, (string?)stored["entraClientId"]);
        Assert.True((bool)stored["hasEntraClientSecret"]!);
        Assert.DoesNotContain("stand-in-accepts-any-secret", await PageAsync(browser), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_without_the_anti_forgery_token_changes_nothing()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = browser.Cookies }) { BaseAddress = fixture.Server.BaseAddress };

        var forged = await client.PostAsync("/console/settings?handler=Groups", new FormUrlEncodedContent([new("adminGroups", "attacker-group")]), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(["TOTAL-Admins"], await AdminGroupsAsync(tenant));
    }

    [Fact]
    public async Task Settings_need_a_console_session()
    {
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var response = await browser.GetAsync("/console/settings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    private static Task<string> PageAsync(ConsoleBrowser browser) => SignedInConsole.PageAsync(browser, "/console/settings");

    /// <summary>The answer asks for the organisation's name, and nothing changed: the groups are as before and the session goes on.</summary>
    private async Task AssertConfirmationAskedAndNothingChangedAsync(HttpResponseMessage response, SignInTenant tenant, ConsoleBrowser browser)
    {
        Assert.Contains("data-testid=\"confirm-admin-loss\"", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(["TOTAL-Admins"], await AdminGroupsAsync(tenant));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
    }

    private async Task<IEnumerable<string>> AdminGroupsAsync(SignInTenant tenant) =>
        (await TenantAsync(tenant))["adminGroups"]!.AsArray().Select(n => (string)n!);

    private async Task<JsonObject> TenantAsync(SignInTenant tenant)
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();
        return (await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenant.TenantId}", Cancel))!;
    }

    [GeneratedRegex("value=\"(totscim_[A-Za-z0-9_-]+)\"")]
    private static partial Regex NewToken();
}
