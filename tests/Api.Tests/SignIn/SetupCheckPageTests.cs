namespace Total.Api.Tests.SignIn;

/// <summary>Console → Setup check, end to end: Entra's Test Connection and a forgotten externalId mapping.</summary>
public sealed class SetupCheckPageTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    [Fact]
    public async Task Shows_test_connection_done_and_the_externalId_mapping_problem()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        await tenant.SendScimAsync(HttpMethod.Get, $"Users?filter=userName%20eq%20%22{Guid.NewGuid()}%22", null, tenant.ScimToken);
        await tenant.ScimAsync(HttpMethod.Post, "Users", """{"userName":"nick@contoso.example","externalId":"nick","title":"Analyst"}""");

        var html = string.Empty;
        for (var attempt = 0; attempt < 200 && !html.Contains("Test Connection succeeded", StringComparison.Ordinal); attempt++)
        {
            // The provisioning log is shipped about once a second: wait (bounded) for Test Connection to show.
            html = await SignedInConsole.PageAsync(browser, "/console/setup");
            if (!html.Contains("Test Connection succeeded", StringComparison.Ordinal))
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        Assert.Contains("Test Connection succeeded", html, StringComparison.Ordinal);
        Assert.Matches("(?s)data-state=\"Problem\">\\s*<span class=\"badge off\">Fix</span>\\s*<strong>externalId is the Entra object id</strong>", html);
        Assert.Contains("externalId ← objectId", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
