using System.Net;
using System.Net.Http.Headers;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.SignIn;

namespace Total.Api.Tests.Operator;

/// <summary>The Orleans dashboard is served at /operator/dashboard, to operators only: by bearer key or after the key was entered in a browser.</summary>
public sealed class OperatorDashboardTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_the_operator_key_the_dashboard_is_refused()
    {
        using var anonymous = fixture.Server.CreateClient();
        using var wrongKey = fixture.Server.CreateClient("not-the-operator-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/operator/dashboard/", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/operator/dashboard/", Cancel)).StatusCode);
    }

    [Fact]
    public async Task With_the_operator_key_the_dashboard_is_served()
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();

        var response = await operatorClient.GetAsync("/operator/dashboard/", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Over_plain_http_the_key_form_says_it_needs_https_instead_of_failing()
    {
        // kubectl port-forward: no TLS and no X-Forwarded-Proto, while the form's anti-forgery cookie is Secure.
        using var portForward = fixture.Server.CreateClient();

        var page = await portForward.GetAsync("/operator/signin", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("This page needs HTTPS", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_browser_signs_in_with_the_key_and_then_opens_the_dashboard()
    {
        // Outside Development forms need HTTPS (their anti-forgery cookie is __Host- and Secure): as behind the ingress.
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress, throughHttpsIngress: true);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/operator/dashboard/");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var direct = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseAddress };
        var challenged = await direct.SendAsync(page, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.Equal("/operator/signin", challenged.Headers.Location!.OriginalString);

        var wrong = await browser.SubmitAsync("/operator/signin", "/operator/signin", [new("key", "guess")]);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var right = await browser.SubmitAsync("/operator/signin", "/operator/signin", [new("key", TestSettings.OperatorKey)]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/operator/dashboard/")).StatusCode);
    }

    [Fact]
    public async Task The_browser_session_reads_but_cannot_rotate_a_token_or_offboard_a_tenant()
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync("Forgery Target");
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress, throughHttpsIngress: true);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/operator/signin", "/operator/signin", [new("key", TestSettings.OperatorKey)])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/operator/tenants/{tenant.TenantId}")).StatusCode);

        // What a plain HTML form (or a script) on any page could make the operator's browser send with the cookie.
        using var cookieOnly = new HttpClient(new HttpsIngressHandler(browser.Cookies)) { BaseAddress = fixture.Server.BaseAddress };
        var rotate = await cookieOnly.PostAsync($"/operator/tenants/{tenant.TenantId}/scim-token", new FormUrlEncodedContent([]), Cancel);
        var offboard = await cookieOnly.DeleteAsync($"/operator/tenants/{tenant.TenantId}", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, offboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/operator/tenants/{tenant.TenantId}", Cancel)).StatusCode);
        using var scim = tenant.ScimClient();
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users?count=0", Cancel)).StatusCode);
    }
}
