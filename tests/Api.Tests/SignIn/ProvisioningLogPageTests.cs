using System.Net;

namespace Total.Api.Tests.SignIn;

/// <summary>Console → Provisioning log and the Settings connection status: what Entra sent and what failed.</summary>
public sealed class ProvisioningLogPageTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    [Fact]
    public async Task Scim_calls_appear_newest_first_with_the_error_detail_of_failures()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.SendScimAsync(HttpMethod.Get, "Users?filter=userName%20eq%20%22nobody%40contoso.example%22", null, tenant.ScimToken);
        var duplicate = await tenant.SendScimAsync(HttpMethod.Post, "Groups", """{"displayName":"TOTAL-Admins"}""", tenant.ScimToken);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var html = await EventuallyAsync(browser, "/console/provisioning", page => page.Contains("uniqueness", StringComparison.Ordinal));

        Assert.Contains("GET Users?filter=userName eq \"nobody@contoso.example\"", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("displayName &#x27;TOTAL-Admins&#x27; is already used", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("POST Groups", StringComparison.Ordinal) < html.IndexOf("GET Users?filter", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task Only_failed_calls_can_be_shown()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.SendScimAsync(HttpMethod.Get, "Users/does-not-exist", null, tenant.ScimToken);

        var html = await EventuallyAsync(browser, "/console/provisioning?failed=true", page => page.Contains("Users/does-not-exist", StringComparison.Ordinal));

        Assert.DoesNotContain("POST Users", html, StringComparison.Ordinal);
        Assert.Contains(">404<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_show_the_connection_status_with_the_last_error()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.SendScimAsync(HttpMethod.Patch, "Users/does-not-exist", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"title","value":"x"}]}""", tenant.ScimToken);

        var html = await EventuallyAsync(browser, "/console/settings", page => page.Contains("Last error", StringComparison.Ordinal));

        Assert.Contains("last call from Entra", html, StringComparison.Ordinal);
        Assert.Contains("PATCH Users/does-not-exist", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_with_a_wrong_token_are_not_recorded()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.SendScimAsync(HttpMethod.Get, "Users?filter=userName%20eq%20%22forged%22", null, "totscim_wrong");
        await tenant.SendScimAsync(HttpMethod.Get, "Users?filter=userName%20eq%20%22real%22", null, tenant.ScimToken);

        var html = await EventuallyAsync(browser, "/console/provisioning", page => page.Contains("userName eq &quot;real&quot;", StringComparison.Ordinal));

        Assert.DoesNotContain("forged", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_looking_query_parameters_are_redacted()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.SendScimAsync(HttpMethod.Get, "Users?count=5&access_token=leak-1&Code=leak-2&client_secret=leak-3&PASSWORD=leak-4&id_token=leak-5&token=leak-6&secret=leak-7", null, tenant.ScimToken);

        var html = WebUtility.HtmlDecode(await EventuallyAsync(browser, "/console/provisioning", page => page.Contains("count=5", StringComparison.Ordinal)));

        Assert.DoesNotContain("leak-", html, StringComparison.Ordinal);
        Assert.Contains("GET Users?count=5&access_token=[redacted]&Code=[redacted]&client_secret=[redacted]&PASSWORD=[redacted]&id_token=[redacted]&token=[redacted]&secret=[redacted]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_a_request_are_escaped_so_they_cannot_forge_log_lines()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.SendScimAsync(HttpMethod.Get, "Users?filter=userName%20eq%20%22x%0D%0A201%20GET%20Users%20forged%09%1B%22", null, tenant.ScimToken);

        var html = WebUtility.HtmlDecode(await EventuallyAsync(browser, "/console/provisioning", page => page.Contains("forged", StringComparison.Ordinal)));

        Assert.Contains("GET Users?filter=userName eq \"x\\r\\n201 GET Users forged\\t\\u001B\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("x\r\n201", html, StringComparison.Ordinal);
    }

    /// <summary>Recording is one-way (a SCIM call never waits for its log line): wait, bounded, for it to show.</summary>
    private static async Task<string> EventuallyAsync(ConsoleBrowser browser, string path, Func<string, bool> shows)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var html = await SignedInConsole.PageAsync(browser, path);
            if (shows(html) || DateTimeOffset.UtcNow > deadline)
            {
                return html;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
