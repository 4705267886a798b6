using System.Net;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// Sign-in when Microsoft Entra cannot be reached: the test server's Entra instance is a closed loopback port (no
/// stand-in), so fetching the tenant's OpenID configuration fails as it does when Entra or the network is down.
/// </summary>
public sealed class UnreachableEntraSignInTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_that_cannot_reach_entra_shows_a_page_that_says_so_with_the_security_headers()
    {
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        var challenge = await browser.GetAsync($"/t/{tenant.TenantId}/signin");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var page = await browser.GetAsync(challenge.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("could not reach Microsoft", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains($"href=\"/t/{tenant.TenantId}\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
