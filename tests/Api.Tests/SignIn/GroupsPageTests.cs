using System.Net;
using System.Text.RegularExpressions;

namespace Total.Api.Tests.SignIn;

/// <summary>Console → Groups: member counts, roles from the settings, and members a page at a time.</summary>
public sealed partial class GroupsPageTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_groups_with_member_counts_and_roles()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.ScimAsync(HttpMethod.Post, "Groups", """{"displayName":"Sales","members":[]}""");

        var html = await SignedInConsole.PageAsync(browser, "/console/groups");

        Assert.Matches("(?s)TOTAL-Admins</a></th>\\s*<td>1</td>\\s*<td>\\s*<span class=\"badge admin\">Admin</span>", html);
        Assert.Matches("(?s)Sales</a></th>\\s*<td>0</td>\\s*<td>\\s*<span>None</span>", html);
    }

    [Fact]
    public async Task Group_page_lists_members_a_page_at_a_time()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var group = await tenant.ScimAsync(HttpMethod.Post, "Groups", """{"displayName":"Everyone","members":[]}""");
        var groupId = (string)group!["id"]!;
        for (var i = 0; i < 30; i++)
        {
            var person = await tenant.ProvisionUserAsync();
            await tenant.ScimAsync(HttpMethod.Patch, $"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"value":"{{person.UserId}}"}]}]}""");
        }

        var first = await SignedInConsole.PageAsync(browser, $"/console/groups/{groupId}");
        var second = await SignedInConsole.PageAsync(browser, $"/console/groups/{groupId}?p=2");

        Assert.Contains("30 member(s)", first, StringComparison.Ordinal);
        Assert.Equal(25, Rows().Count(first));
        Assert.Equal(5, Rows().Count(second));
    }

    [Fact]
    public async Task A_group_of_another_tenant_is_not_found()
    {
        var (_, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var __ = browser;
        var other = await SignInTenant.OnboardAsync(fixture.Server);

        var response = await browser.GetAsync($"/console/groups/{other.AdminGroupId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("<tr>\\s*<th scope=\"row\">")]
    private static partial Regex Rows();
}
