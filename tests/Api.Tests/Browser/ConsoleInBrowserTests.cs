using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Total.Api.Tests.Infrastructure.Requirements;
using Total.Grains.Abstractions.Directory;
using Total.Scim.Schema;

namespace Total.Api.Tests.Browser;

/// <summary>The console as a person uses it: Chromium clicks through sign-in at the stand-in, the pages, and a revocation.</summary>
[Needs(Requirement.Chromium)]
public sealed class ConsoleInBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_signs_in_with_microsoft_and_sees_the_console_and_settings()
    {
        BrowserFixture.RequireChromium();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "/t/demo").ToString());
        await BrowserFixture.ScreenshotAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        var ada = page.GetByRole(AriaRole.Button, new() { Name = "Sign in as Ada Admin" });
        await Assertions.Expect(ada).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "entra-stand-in");
        await ada.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.Server.BaseAddress, "/console").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo Organisation" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-overview");
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Tenant URL")).ToHaveValueAsync(new Uri(fixture.Server.BaseAddress, "/scim/v2/demo").ToString());
        await BrowserFixture.ScreenshotAsync(page, "console-settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sam Staff" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sam Staff" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Not admin: not a member of an admin group")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-user");
        await page.GetByRole(AriaRole.Link, new() { Name = "Groups" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "All-Staff" }).ClickAsync();
        await Assertions.Expect(page.GetByText("3 member(s)")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-group");
        await page.GetByRole(AriaRole.Link, new() { Name = "Setup check" }).ClickAsync();
        await Assertions.Expect(page.GetByText("externalId is the Entra object id")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-setup-check");
        await page.GetByRole(AriaRole.Link, new() { Name = "Provisioning log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Provisioning log" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-provisioning-log");
        await page.GetByRole(AriaRole.Link, new() { Name = "Access log" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access log" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Granted").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-access-log");
    }

    [Fact]
    public async Task Provisioned_non_admin_is_told_why_there_is_no_access()
    {
        BrowserFixture.RequireChromium();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "/t/demo").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as Sam Staff" }).ClickAsync();

        await Assertions.Expect(page.GetByText("You are not a member of any of your organisation's TOTAL admin groups.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "no-access");
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "/console").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
    }

    [Fact]
    public async Task Admin_removed_from_the_admin_group_over_scim_is_signed_out_on_the_next_click()
    {
        BrowserFixture.RequireChromium();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "/t/demo").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as Ada Admin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo Organisation" })).ToBeVisibleAsync();

        await RemoveFromAdminsOverScimAsync("ada@demo.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Your access changed")).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "/console").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await AddBackToAdminsOverScimAsync("ada@demo.example");
    }

    private Task RemoveFromAdminsOverScimAsync(string userName) => ChangeAdminMembershipAsync(userName, "Remove");

    private Task AddBackToAdminsOverScimAsync(string userName) => ChangeAdminMembershipAsync(userName, "Add");

    /// <summary>What Entra sends when someone leaves (or joins) the admin group: a group PATCH with a member value list.</summary>
    private async Task ChangeAdminMembershipAsync(string userName, string op)
    {
        var grains = fixture.Server.Services.GetRequiredService<IGrainFactory>();
        var user = (await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query("demo", ScimResourceSchema.User)).QueryAsync(new DirectoryQuery($"userName eq \"{userName}\"", null, false, 1, 1))).Resources.Single();
        var group = (await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query("demo", ScimResourceSchema.Group)).QueryAsync(new DirectoryQuery("displayName eq \"TOTAL-Admins\"", null, false, 1, 1))).Resources.Single();
        var userId = (string)JsonNode.Parse(user)!["id"]!;
        var groupId = (string)JsonNode.Parse(group)!["id"]!;

        using var operatorClient = fixture.Server.CreateOperatorClient();
        var rotation = await operatorClient.PostAsJsonAsync("/operator/tenants/demo/scim-token", new { previousTokenValidForSeconds = 3600 }, TestContext.Current.CancellationToken);
        var token = (string)(await rotation.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["scimToken"]!;
        using var scim = fixture.Server.CreateClient(token);
        var patch = $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"{{op}}","path":"members","value":[{"value":"{{userId}}"}]}]}""";
        var response = await scim.PatchAsync($"/scim/v2/demo/Groups/{groupId}", new StringContent(patch, Encoding.UTF8, "application/scim+json"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }
}
