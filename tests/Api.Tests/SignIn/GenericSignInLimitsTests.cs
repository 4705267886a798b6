using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.SignIn;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// The generic sign-in page is public and each look-up asks Entra about a domain a stranger typed: look-ups are rate
/// limited per client, and what discovery remembers is bounded however many domains are typed.
/// </summary>
public sealed class GenericSignInLimitsTests(GenericSignInLimitsServerFixture fixture) : IClassFixture<GenericSignInLimitsServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Look_ups_beyond_the_clients_budget_are_429_with_retry_after_on_the_sign_in_page()
    {
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);
        for (var i = 0; i < GenericSignInLimitsServerFixture.LookupsPerMinute; i++)
        {
            var answered = await browser.SubmitAsync("/signin", "/signin", [new("Email", $"ada@{Guid.NewGuid():N}.example")]);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var refused = await browser.SubmitAsync("/signin", "/signin", [new("Email", $"ada@{Guid.NewGuid():N}.example")]);

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After names when to try again.");
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("DENY", refused.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/signin")).StatusCode);
    }

    [Fact]
    public async Task Discovery_remembers_at_most_its_cache_size_of_domains()
    {
        var discovery = fixture.Server.Services.GetRequiredService<EntraTenantDiscovery>();

        for (var i = 0; i < 4 * GenericSignInLimitsServerFixture.DiscoveryCacheSize; i++)
        {
            Assert.Equal(EntraDomainOutcome.NotFound, (await discovery.FindAsync($"{Guid.NewGuid():N}.example", Cancel)).Outcome);
        }

        Assert.InRange(discovery.CachedDomainCount, 1, GenericSignInLimitsServerFixture.DiscoveryCacheSize);
    }
}
