using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// The generic sign-in page: the work email's domain leads, through Entra's discovery by domain (the stand-in
/// answers as Entra does), to the tenant onboarded for that Entra tenant.
/// </summary>
public sealed partial class GenericSignInTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_work_email_leads_to_the_organisations_microsoft_sign_in_with_the_email_as_hint()
    {
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        var domain = $"{tenant.EntraTenantId:N}.example";
        fixture.StandIn.Domains.Verify(domain, tenant.EntraTenantId);
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var submitted = await browser.SubmitAsync("/signin", "/signin", [new("Email", $"Ada@{domain.ToUpperInvariant()}")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/t/{tenant.TenantId}/signin", submitted.Headers.Location!.OriginalString.Split('?')[0]);

        var challenge = await browser.GetAsync(submitted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Contains($"/{tenant.EntraTenantId:D}/oauth2/v2.0/authorize", authorize.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal($"Ada@{domain.ToUpperInvariant()}", QueryHelpers.ParseQuery(authorize.Query)["login_hint"].ToString());
    }

    [Theory]
    [InlineData("not-an-email", "Enter your work email address")]
    [InlineData("ada@unknown-organisation.example", "No Microsoft Entra organisation uses the domain")]
    [InlineData("ada@a b.example", "Enter your work email address")]
    public async Task Emails_that_lead_nowhere_are_told_why(string email, string expected)
    {
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var response = await browser.SubmitAsync("/signin", "/signin", [new("Email", email)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, Problem(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entra_organisation_not_onboarded_is_told_to_ask_its_it_team()
    {
        var domain = $"{Guid.NewGuid():N}.example";
        fixture.StandIn.Domains.Verify(domain, Guid.NewGuid());
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var response = await browser.SubmitAsync("/signin", "/signin", [new("Email", $"ada@{domain}")]);

        Assert.Contains("does not use TOTAL yet", Problem(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_personal_microsoft_account_is_told_to_use_a_work_account()
    {
        fixture.StandIn.Domains.Verify("personal-mail.example", new Guid("9188040d-6c67-4c5b-b112-36a304b66dad"));
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var response = await browser.SubmitAsync("/signin", "/signin", [new("Email", "ada@personal-mail.example")]);

        Assert.Contains("personal Microsoft account", Problem(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    private static string Problem(string html) =>
        WebUtility.HtmlDecode(ProblemText().Match(html).Groups[1].Value);

    [GeneratedRegex("data-testid=\"signin-problem\">([^<]*)<")]
    private static partial Regex ProblemText();
}
