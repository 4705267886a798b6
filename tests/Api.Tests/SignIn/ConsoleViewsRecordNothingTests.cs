using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory.Storage;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// Looking never changes access: console pages and the operator's access read decide from the provisioned data
/// and record nothing, even when that decision differs from the stored access; what changes access records it.
/// The stale access here is what a crash between a membership write and its recompute leaves behind.
/// </summary>
public sealed class ConsoleViewsRecordNothingTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Viewing_every_console_page_and_the_operator_access_read_adds_no_access_log_entry()
    {
        var (tenant, browser) = await SignedInConsole.AdminAsync(fixture.Server);
        using var _ = browser;
        var carol = await InAdminGroupUnrecomputedAsync(tenant);
        var before = (await AccessLogAsync(tenant)).ToJsonString();

        foreach (var page in new[] { "/console", "/console/users", $"/console/users/{carol.UserId}", "/console/groups", $"/console/groups/{tenant.AdminGroupId}", "/console/access", "/console/settings", "/console/setup", "/console/provisioning" })
        {
            await SignedInConsole.PageAsync(browser, page);
        }

        using var operatorClient = fixture.Server.CreateOperatorClient();
        var read = await operatorClient.AccessAsync(tenant.TenantId, carol.Oid);

        Assert.True((bool)read["admin"]!);
        Assert.Equal(before, (await AccessLogAsync(tenant)).ToJsonString());
        Assert.False((await StoredAccessAsync(tenant, carol)).Admin);
    }

    [Fact]
    public async Task A_sign_in_and_a_scim_change_still_record_what_they_change()
    {
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        var carol = await InAdminGroupUnrecomputedAsync(tenant);
        using var browser = new ConsoleBrowser(fixture.Server.BaseAddress);

        Assert.Equal("/console", (await browser.SignInAsync(tenant.TenantId, carol.Oid, "Carol", carol.UserName)).AbsolutePath);
        var afterSignIn = await AccessLogAsync(tenant);
        await tenant.ScimAsync(HttpMethod.Patch, $"Users/{carol.UserId}", $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Replace","path":"active","value":false}]}""");
        var afterDisable = await AccessLogAsync(tenant);

        Assert.Equal("granted", (string)afterSignIn[0]!["kind"]!);
        Assert.Equal(carol.UserId, (string)afterSignIn[0]!["userId"]!);
        Assert.Equal("revoked", (string)afterDisable[0]!["kind"]!);
        Assert.Equal(carol.UserId, (string)afterDisable[0]!["userId"]!);
    }

    /// <summary>
    /// Carol's membership row of the admin group is written behind every grain's back: the rules make her admin, her
    /// stored access does not. Reconciliation's periodic re-check looks at stored admins only, so it leaves her so.
    /// </summary>
    private async Task<SignInPerson> InAdminGroupUnrecomputedAsync(SignInTenant tenant)
    {
        var carol = await tenant.ProvisionUserAsync();
        await fixture.Server.Services.GetRequiredService<IGroupMemberStore>().AddAsync(tenant.TenantId, tenant.AdminGroupId, [carol.UserId], Cancel);
        Assert.False((await StoredAccessAsync(tenant, carol)).Admin);
        return carol;
    }

    private Task<UserAccess> StoredAccessAsync(SignInTenant tenant, SignInPerson person) =>
        fixture.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserAccessGrain>(ScimKeys.Resource(tenant.TenantId, person.UserId)).GetAsync();

    /// <summary>The tenant's access log, newest first, as the operator API lists it.</summary>
    private async Task<JsonArray> AccessLogAsync(SignInTenant tenant)
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var body = (await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenant.TenantId}/access-log", Cancel))!;
        return body["events"]!.AsArray();
    }
}
