using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// "Sign in with Microsoft" end to end: the product's per-tenant OpenID Connect handler against the local
/// Entra stand-in over HTTPS, then the access checks. Only provisioned, active admins get a session.
/// </summary>
public sealed class ConsoleSignInTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_signs_in_and_sees_the_console()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada Lovelace", admin.UserName);
        var console = await browser.GetAsync("/console");

        Assert.Equal("/console", landing.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        var page = await console.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(tenant.Name, page, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_cookie_is_http_only_and_same_site()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);

        var session = browser.Cookies.GetAllCookies().Single(c => c.Name.EndsWith("total-console", StringComparison.Ordinal));
        Assert.True(session.HttpOnly);
    }

    [Fact]
    public async Task Provisioned_non_admin_is_refused_with_the_reason()
    {
        var tenant = await OnboardAsync();
        var user = await tenant.ProvisionUserAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, user.Oid, "Bob", user.UserName);

        await AssertNoAccessAsync(browser, landing, "NotAdmin");
    }

    [Fact]
    public async Task Refused_member_of_the_organisation_is_told_the_admin_groups_and_current_admins()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        var user = await tenant.ProvisionUserAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, user.Oid, "Bob", user.UserName);
        var page = await (await browser.GetAsync(landing.PathAndQuery)).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("data-testid=\"who-can-help\"", page, StringComparison.Ordinal);
        Assert.Contains("<strong>TOTAL-Admins</strong>", page, StringComparison.Ordinal);
        Assert.Contains(admin.UserName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_made_no_access_link_names_nobody()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var stranger = new ConsoleBrowser(fixture.Server.BaseAddress);

        var page = await (await stranger.GetAsync($"/no-access?reason=NotAdmin&tenant={tenant.TenantId}")).Content.ReadAsStringAsync(Cancel);

        Assert.DoesNotContain("who-can-help", page, StringComparison.Ordinal);
        Assert.DoesNotContain(admin.UserName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_admin_is_refused()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        await tenant.ScimAsync(HttpMethod.Patch, $"Users/{admin.UserId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);

        await AssertNoAccessAsync(browser, landing, "Disabled");
    }

    [Fact]
    public async Task Unprovisioned_person_is_refused()
    {
        var tenant = await OnboardAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, Guid.NewGuid().ToString(), "Eve", "eve@contoso.example");

        await AssertNoAccessAsync(browser, landing, "NotProvisioned");
    }

    [Fact]
    public async Task Same_upn_with_another_object_id_says_the_mapping_is_wrong()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, Guid.NewGuid().ToString(), "Ada", admin.UserName);

        await AssertNoAccessAsync(browser, landing, "ExternalIdMappingWrong");
    }

    [Fact]
    public async Task User_of_another_tenant_is_refused()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, admin.Oid, "Mallory", admin.UserName, new Dictionary<string, string> { ["tid_override"] = Guid.NewGuid().ToString() });

        await AssertNoAccessAsync(browser, landing, "WrongTenant");
    }

    [Theory]
    [InlineData("issuer_override", "https://login.example.invalid/some-tenant/v2.0", "SignInFailed")]
    [InlineData("lifetime_seconds", "-600", "SignInFailed")]
    [InlineData("unknown_key", "true", "SignInFailed")]
    [InlineData("omit_oid", "true", "MissingObjectId")]
    public async Task Defective_tokens_get_no_session(string knob, string value, string reason)
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName, new Dictionary<string, string> { [knob] = value });

        await AssertNoAccessAsync(browser, landing, reason);
    }

    [Fact]
    public async Task Tenant_without_an_app_registration_cannot_sign_in_and_is_told_why()
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var bare = await operatorClient.CreateTenantAsync("No App Ltd");
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var challenge = await browser.GetAsync($"/t/{bare.TenantId}/signin");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("reason=SignInNotConfigured", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tenant_link_is_not_found()
    {
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var page = await browser.GetAsync("/t/nosuchtenant");
        var challenge = await browser.GetAsync("/t/nosuchtenant/signin");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("reason=TenantNotOnboarded", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_links_naming_no_tenant_leave_no_tenant_grain_activation()
    {
        using var browser = fixture.CreateBrowserClient();
        var before = (await ServerDiagnostics.ReadAsync(fixture.Server)).ActivationsOf("TenantGrain");
        const int UnknownTenants = 20;

        for (var i = 0; i < UnknownTenants; i++)
        {
            var unknown = "unknown" + Guid.NewGuid().ToString("N")[..12];
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/t/{unknown}", Cancel)).StatusCode);
            Assert.Contains("reason=TenantNotOnboarded", (await browser.GetAsync($"/t/{unknown}/signin", Cancel)).Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/signin-oidc/{unknown}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/signout-callback-oidc/{unknown}", Cancel)).StatusCode);
        }

        foreach (var malformed in new[] { new string('x', 5000), "bad%21id", "bad%20id", "%C3%A9t%C3%A9" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/signin-oidc/{malformed}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/signout-callback-oidc/{malformed}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/t/{malformed}", Cancel)).StatusCode);
        }

        Assert.Contains("reason=TenantNotOnboarded", (await browser.GetAsync("/t/bad%21id/signin", Cancel)).Headers.Location!.ToString(), StringComparison.Ordinal);

        // A few may belong to earlier tests' tenants coming and going meanwhile; one per probed id may not.
        var after = await ServerDiagnostics.ActivationsSettlingAtAsync(fixture.Server, "TenantGrain", before + 3);
        Assert.True(after <= before + 3, $"{after} tenant activations after probing {UnknownTenants} unknown tenants (before: {before}).");
    }

    [Fact]
    public async Task Console_without_a_session_redirects_to_sign_in()
    {
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var response = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Removal_from_the_admin_group_over_scim_ends_the_open_session_on_the_next_request()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);

        await tenant.ScimAsync(HttpMethod.Patch, $"Groups/{tenant.AdminGroupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"{{admin.UserId}}"}]}]}""");
        var next = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("reason=SessionEnded", next.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);

        var signOut = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal($"/t/{tenant.TenantId}", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_copy_of_the_session_cookie_stops_working_at_sign_out()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);
        var copied = new CookieContainer();
        copied.Add(browser.Cookies.GetAllCookies());
        using var thief = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = copied }) { BaseAddress = fixture.Server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/console", Cancel)).StatusCode);

        await browser.SignOutAsync();
        var replayed = await thief.GetAsync("/console", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal("/signin", replayed.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_signed_out_session_stays_ended_after_its_grains_are_collected()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);
        var copied = new CookieContainer();
        copied.Add(browser.Cookies.GetAllCookies());
        using var thief = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = copied }) { BaseAddress = fixture.Server.BaseAddress };
        await browser.SignOutAsync();

        // What another API process (or this one after the grain was collected) sees: only the stored state.
        await fixture.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Cancel);
        var replayed = await thief.GetAsync("/console", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_the_anti_forgery_token_is_refused()
    {
        var tenant = await OnboardAsync();
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);

        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = browser.Cookies }) { BaseAddress = fixture.Server.BaseAddress };
        var forged = await client.PostAsync("/console/signout", new FormUrlEncodedContent([]), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var response = await browser.GetAsync("/signin");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_carry_the_same_security_headers_as_pages()
    {
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        var page = await browser.GetAsync("/signin");

        var stylesheet = await browser.GetAsync("/css/console.css");

        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        foreach (var header in new[] { "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy", "Content-Security-Policy" })
        {
            Assert.Equal(page.Headers.GetValues(header).Single(), Assert.Single(stylesheet.Headers.GetValues(header)));
        }
    }

    [Fact]
    public async Task Outside_development_the_anti_forgery_cookie_is_secure_and_host_only()
    {
        // As production runs behind its ingress: TLS ends there and X-Forwarded-Proto says https.
        var settings = TestSettings.ForServer();
        settings["FORWARDEDHEADERS_ENABLED"] = "true";
        await using var server = await TotalServer.StartApiAsync(settings);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("__Host-", antiforgery, StringComparison.Ordinal);
        var attributes = antiforgery.Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.Contains("secure", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", attributes, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(attributes, attribute => attribute.StartsWith("domain=", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The browser landed on the no-access page for <paramref name="reason"/>, which says so, and has no console session.</summary>
    internal static async Task AssertNoAccessAsync(ConsoleBrowser browser, Uri landing, string reason)
    {
        Assert.Equal("/no-access", landing.AbsolutePath);
        Assert.Equal(reason, QueryHelpers.ParseQuery(landing.Query)["reason"].ToString());
        var page = await browser.GetAsync(landing.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains($"data-reason=\"{reason}\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
    }

    private Task<SignInTenant> OnboardAsync() => SignInTenant.OnboardAsync(fixture.Server);
}
