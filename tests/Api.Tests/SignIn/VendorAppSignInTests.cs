using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Revocation;
using Total.DevStandIns.Entra;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// TOTAL's shared multi-tenant app (<c>AzureAd</c>) as the fallback for tenants without their own app registration,
/// end to end against the Entra and Graph stand-ins: one shared scheme and callback, sign-in in the person's own
/// directory, the token's tid held to the tenant in the protected state, a tenant's own registration still first,
/// the admin-consent link, and Graph reconciliation with the shared app's credentials.
/// </summary>
public sealed class VendorAppSignInTests(VendorAppServerFixture fixture) : IClassFixture<VendorAppServerFixture>
{
    private StandInAppRegistrations Apps => fixture.Server.Services.GetRequiredService<StandInAppRegistrations>();

    [Fact]
    public async Task Sign_in_without_an_own_app_goes_to_the_tenants_directory_with_the_shared_app()
    {
        var tenant = await OnboardWithConsentAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var challenge = await browser.GetAsync($"/t/{tenant.TenantId}/signin");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal($"/{tenant.EntraTenantId:D}/oauth2/v2.0/authorize", authorize.AbsolutePath);
        Assert.Equal(VendorAppServerFixture.ClientId, query["client_id"].ToString());
        Assert.Equal(new Uri(fixture.Server.BaseAddress, "/signin-oidc").ToString(), query["redirect_uri"].ToString());
    }

    [Fact]
    public async Task Admin_of_a_tenant_without_an_own_app_signs_in_through_the_shared_app()
    {
        var tenant = await OnboardWithConsentAsync();

        var (_, browser) = await SignedInConsole.AdminOfAsync(fixture.Server, tenant);
        using var _ = browser;

        Assert.Contains(tenant.Name, await SignedInConsole.PageAsync(browser, "/console"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_admin_signing_in_through_the_shared_app_is_refused_as_not_admin()
    {
        var tenant = await OnboardWithConsentAsync();
        var user = await tenant.ProvisionUserAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var landing = await browser.SignInAsync(tenant.TenantId, user.Oid, "Bob", user.UserName);

        await AssertRefusedAsync(browser, landing, "NotAdmin", tenant);
    }

    [Fact]
    public async Task A_person_of_another_entra_tenant_finishing_the_shared_sign_in_is_refused_as_wrong_tenant()
    {
        var tenant = await OnboardWithConsentAsync();
        var admin = await tenant.ProvisionAdminAsync();
        var otherOrganisation = await OnboardWithConsentAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        // Started for this tenant, completed in the other organisation's directory: Entra issues that
        // organisation's token, which the multi-tenant issuer check accepts; only the tid check can refuse it.
        var landing = await browser.SignInAsync(tenant.TenantId, admin.Oid, "Mallory", admin.UserName, signInAt: authorize =>
            new Uri(authorize.ToString().Replace(tenant.EntraTenantId.ToString("D"), otherOrganisation.EntraTenantId.ToString("D"), StringComparison.Ordinal)));

        await AssertRefusedAsync(browser, landing, "WrongTenant", tenant);
    }

    [Fact]
    public async Task A_tenant_with_its_own_app_registration_still_signs_in_with_it()
    {
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        var admin = await tenant.ProvisionAdminAsync();
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var challenge = await browser.GetAsync($"/t/{tenant.TenantId}/signin");
        var landing = await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName);

        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        Assert.Equal(tenant.ClientId, query["client_id"].ToString());
        Assert.EndsWith($"/signin-oidc/{tenant.TenantId}", query["redirect_uri"].ToString(), StringComparison.Ordinal);
        Assert.Equal("/console", landing.AbsolutePath);
    }

    [Fact]
    public async Task A_tenant_whose_own_app_lacks_its_secret_is_not_switched_to_the_shared_app()
    {
        var tenant = await OnboardWithConsentAsync();
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var update = await operatorClient.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/entra-app", new { entraClientId = Guid.NewGuid().ToString() }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var challenge = await browser.GetAsync($"/t/{tenant.TenantId}/signin");
        var status = await operatorClient.ReconcileAsync(tenant.TenantId);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Contains("reason=SignInNotConfigured", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("scimOnly", (string)status["mode"]!);
    }

    [Fact]
    public async Task Settings_name_the_shared_app_and_its_admin_consent_link_grants_consent_and_returns_to_the_tenant()
    {
        var tenant = await OnboardWithConsentAsync();
        var (_, browser) = await SignedInConsole.AdminOfAsync(fixture.Server, tenant);
        using var _ = browser;
        using var entra = fixture.CreateStandInBrowserClient();
        Apps.SetConsent(tenant.EntraTenantId, VendorAppServerFixture.ClientId, granted: false);

        var settings = WebUtility.HtmlDecode(await SignedInConsole.PageAsync(browser, "/console/settings"));
        var consentLink = new Uri(System.Text.RegularExpressions.Regex.Match(settings, "href=\"([^\"]+)\" data-testid=\"admin-consent-url\"").Groups[1].Value);
        var consented = await entra.GetAsync(consentLink, TestContext.Current.CancellationToken);
        var returned = await browser.GetAsync(consented.Headers.Location!.ToString());

        Assert.Contains("data-source=\"shared\"", settings, StringComparison.Ordinal);
        Assert.Contains($"{new Uri(fixture.Server.BaseAddress, "/signin-oidc")}</code> belongs to TOTAL's app", settings, StringComparison.Ordinal);
        Assert.Equal(new Uri(fixture.StandIn.Instance, $"/{tenant.EntraTenantId:D}/v2.0/adminconsent"), new Uri(consentLink.GetLeftPart(UriPartial.Path)));
        Assert.True(Apps.HasConsent(tenant.EntraTenantId, VendorAppServerFixture.ClientId));
        Assert.Equal($"/t/{tenant.TenantId}", returned.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_admin_removed_only_in_entra_is_revoked_through_the_shared_app()
    {
        var tenant = await OnboardWithConsentAsync();
        var (admin, browser) = await SignedInConsole.AdminOfAsync(fixture.Server, tenant);
        using var _ = browser;
        using var operatorClient = fixture.Server.CreateOperatorClient();
        await operatorClient.ReconcileAsync(tenant.TenantId);

        tenant.Graph.ChangeMembers(SignInTenant.AdminGroupObjectId, add: [], remove: [admin.Oid]);
        var status = await operatorClient.ReconcileAsync(tenant.TenantId);

        Assert.Equal(("succeeded", "scimAndGraph", 1), ((string)status["outcome"]!, (string)status["mode"]!, (int)status["revoked"]!));
        Assert.Contains("shared app", (string)status["modeReason"]!, StringComparison.Ordinal);
        await ScimRevocationTests.AssertSessionEndedAsync(browser);
    }

    /// <summary>No session, and the no-access page names the tenant the sign-in was started for.</summary>
    private static async Task AssertRefusedAsync(ConsoleBrowser browser, Uri landing, string reason, SignInTenant tenant)
    {
        await ConsoleSignInTests.AssertNoAccessAsync(browser, landing, reason);
        Assert.Equal(tenant.TenantId, QueryHelpers.ParseQuery(landing.Query)["tenant"].ToString());
    }

    /// <summary>A tenant without its own app registration whose Entra admin registered and consented TOTAL's shared app.</summary>
    [Theory]
    [InlineData("AzureAd:ClientId", "6b1f0c2e-5a8d-4e47-9f3a-0d2c7e9b4a11", "AzureAd:ClientId and AzureAd:ClientSecret go together")]
    [InlineData("AzureAd:TenantId", "contoso.example", "AzureAd:TenantId must be 'organizations'")]
    [InlineData("AzureAd:Instance", "http://login.example/", "AzureAd:Instance must be an absolute https URL")]
    public async Task A_misconfigured_shared_app_stops_the_server_from_starting_and_names_the_setting(string key, string value, string message)
    {
        var settings = TestSettings.ForServer();
        settings[key] = value;

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TotalServer.StartApiAsync(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private async Task<SignInTenant> OnboardWithConsentAsync()
    {
        var tenant = await SignInTenant.OnboardAsync(fixture.Server, ownApp: false);
        Apps.Register(tenant.EntraTenantId, new StandInAppRegistration(VendorAppServerFixture.ClientId, VendorAppServerFixture.ClientSecret, ConsentGranted: true));
        return tenant;
    }
}
