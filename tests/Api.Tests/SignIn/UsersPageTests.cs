using System.Net;
using System.Text.RegularExpressions;

namespace Total.Api.Tests.SignIn;

/// <summary>Console → Users: what was provisioned, who is admin or monitored, and why.</summary>
public sealed partial class UsersPageTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_users_with_status_and_access_badges()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var staff = await tenant.ProvisionUserAsync();
        var leaver = await tenant.ProvisionUserAsync();
        await tenant.ScimAsync(HttpMethod.Patch, $"Users/{leaver.UserId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

        var html = await SignedInConsole.PageAsync(browser, "/console/users");

        Assert.Equal(3, Rows().Count(html));
        Assert.Matches(RowOf(staff.UserName) + "(?:(?!</tr>).)*Active", html);
        Assert.Matches(RowOf(leaver.UserName) + "(?:(?!</tr>).)*Disabled", html);
        Assert.Single(AdminBadges().Matches(html));
    }

    [Fact]
    public async Task Search_narrows_the_list()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var wanted = await tenant.ProvisionUserAsync();
        await tenant.ProvisionUserAsync();

        var html = await SignedInConsole.PageAsync(browser, $"/console/users?q={wanted.UserName[..8]}");

        Assert.Single(Rows().Matches(html));
        Assert.Contains(wanted.UserName, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_through_many_users()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        for (var i = 0; i < 30; i++)
        {
            await tenant.ProvisionUserAsync();
        }

        var first = await SignedInConsole.PageAsync(browser, "/console/users");
        var second = await SignedInConsole.PageAsync(browser, "/console/users?p=2");

        Assert.Equal(25, Rows().Count(first));
        Assert.Equal(6, Rows().Count(second));
        Assert.Contains("Page 2 of 2", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_page_explains_the_access_decision()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var staff = await tenant.ProvisionUserAsync();

        var html = await SignedInConsole.PageAsync(browser, $"/console/users/{staff.UserId}");

        Assert.Contains("Not admin: not a member of an admin group", html, StringComparison.Ordinal);
        Assert.Contains(staff.Oid, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_of_another_tenant_is_not_found()
    {
        var (_, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var __ = browser;
        var other = await SignInTenant.OnboardAsync(fixture.Server);
        var stranger = await other.ProvisionUserAsync();

        var response = await browser.GetAsync($"/console/users/{stranger.UserId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(stranger.UserName, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static string RowOf(string userName) => "(?s)<td>" + Regex.Escape(userName) + "</td>";

    [GeneratedRegex("<tr>\\s*<th scope=\"row\">")]
    private static partial Regex Rows();

    [GeneratedRegex("class=\"badge admin\"")]
    private static partial Regex AdminBadges();
}
