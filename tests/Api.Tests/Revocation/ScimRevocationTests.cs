using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;
using Total.Api.Tests.SignIn;

namespace Total.Api.Tests.Revocation;

/// <summary>
/// The immediate path: every SCIM signal that removes admin access ends the admin's open console session on
/// their next request, because the access is recomputed before the SCIM call is answered. Each change is in the
/// access log with its source and the request that caused it.
/// </summary>
public abstract class ScimRevocationTests
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    protected abstract TotalServer Server { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> MemberRemovalShapes => new()
    {
        // Entra's usual shape: one member removed by a value filter in the path.
        """{"op":"Remove","path":"members[value eq \"{user}\"]"}""",
        """{"op":"Remove","path":"members","value":[{"value":"{user}"}]}""",
        """{"op":"remove","path":"members","value":[{"value":"{user}"}]}""",
        """{"op":"Replace","path":"members","value":[]}""",
        """{"op":"Remove","path":"members"}""",
        """{"op":"Replace","value":{"members":[]}}""",
    };

    [Theory]
    [MemberData(nameof(MemberRemovalShapes))]
    public async Task Removing_the_admin_from_the_admin_group_ends_the_session(string operation)
    {
        var (tenant, admin, browser) = await SignedInAdminAsync();
        using var _ = browser;

        await Patch(tenant, $"Groups/{tenant.AdminGroupId}", operation.Replace("{user}", admin.UserId, StringComparison.Ordinal));

        await AssertSessionEndedAsync(browser);
    }

    [Fact]
    public async Task Replacing_the_admin_group_without_the_admin_ends_the_session()
    {
        var (tenant, _, browser) = await SignedInAdminAsync();
        using var _ = browser;

        await tenant.ScimAsync(HttpMethod.Put, $"Groups/{tenant.AdminGroupId}", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"TOTAL-Admins","externalId":"{{SignInTenant.AdminGroupObjectId}}","members":[]}""");

        await AssertSessionEndedAsync(browser);
    }

    [Theory]
    [InlineData("""{"op":"Replace","path":"active","value":"False"}""")]
    [InlineData("""{"op":"Replace","path":"active","value":false}""")]
    [InlineData("""{"op":"Replace","value":{"active":false}}""")]
    public async Task Disabling_the_admin_ends_the_session(string operation)
    {
        var (tenant, admin, browser) = await SignedInAdminAsync();
        using var _ = browser;

        await Patch(tenant, $"Users/{admin.UserId}", operation);

        await AssertSessionEndedAsync(browser);
    }

    [Fact]
    public async Task Deleting_the_admin_ends_the_session()
    {
        var (tenant, admin, browser) = await SignedInAdminAsync();
        using var _ = browser;

        await tenant.ScimAsync(HttpMethod.Delete, $"Users/{admin.UserId}", "");

        await AssertSessionEndedAsync(browser);
    }

    [Fact]
    public async Task Deleting_the_admin_group_ends_the_session()
    {
        var (tenant, _, browser) = await SignedInAdminAsync();
        using var _ = browser;

        await tenant.ScimAsync(HttpMethod.Delete, $"Groups/{tenant.AdminGroupId}", "");

        await AssertSessionEndedAsync(browser);
    }

    [Fact]
    public async Task Renaming_the_admin_group_out_of_the_setting_ends_the_session()
    {
        var (tenant, _, browser) = await SignedInAdminAsync();
        using var _ = browser;

        // The tenant names its admin group by display name; the group's externalId is not in the setting.
        await Patch(tenant, $"Groups/{tenant.AdminGroupId}", """{"op":"Replace","path":"displayName","value":"Former-Admins"}""");

        await AssertSessionEndedAsync(browser);
    }

    [Fact]
    public async Task Changing_the_admin_group_setting_ends_the_session()
    {
        var (tenant, _, browser) = await SignedInAdminAsync();
        using var _ = browser;
        using var operatorClient = Server.CreateOperatorClient();

        var response = await operatorClient.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = new[] { "Other-Admins" }, monitoredGroups = Array.Empty<string>(), confirmRemovingAllAdmins = true }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await AssertSessionEndedAsync(browser);
        var events = await AccessLogAsync(tenant.TenantId);
        Assert.Equal("revoked", (string)events[0]!["kind"]!);
        Assert.Equal("settings", (string)events[0]!["source"]!);
        Assert.Contains("Other-Admins", (string)events[0]!["detail"]!, StringComparison.Ordinal);
        Assert.Contains("(operator API: PUT groups)", (string)events[0]!["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offboarding_the_tenant_ends_the_session()
    {
        var (tenant, _, browser) = await SignedInAdminAsync();
        using var _ = browser;
        using var operatorClient = Server.CreateOperatorClient();

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/operator/tenants/{tenant.TenantId}", Cancel)).StatusCode);

        var next = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task Changes_that_do_not_touch_admin_access_keep_the_session()
    {
        var (tenant, admin, browser) = await SignedInAdminAsync();
        using var _ = browser;
        var colleague = await tenant.ProvisionUserAsync();

        await Patch(tenant, $"Users/{admin.UserId}", """{"op":"Replace","path":"title","value":"Head of IT"}""");
        await Patch(tenant, $"Groups/{tenant.AdminGroupId}", $$"""{"op":"Add","path":"members","value":[{"value":"{{colleague.UserId}}"}]}""");
        await Patch(tenant, $"Users/{admin.UserId}", """{"op":"Replace","path":"active","value":"True"}""");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task Access_log_records_the_grant_and_the_revocation_with_source_and_request()
    {
        var (tenant, admin, browser) = await SignedInAdminAsync();
        using var _ = browser;

        await Patch(tenant, $"Groups/{tenant.AdminGroupId}", $$"""{"op":"Remove","path":"members[value eq \"{{admin.UserId}}\"]"}""");

        var events = await AccessLogAsync(tenant.TenantId);
        Assert.Equal(2, events.Count);
        var (revoked, granted) = (events[0]!, events[1]!);
        Assert.Equal(("revoked", "scim", admin.UserId, admin.Oid), ((string)revoked["kind"]!, (string)revoked["source"]!, (string)revoked["userId"]!, (string)revoked["externalId"]!));
        Assert.Contains($"PATCH Groups/{tenant.AdminGroupId}", (string)revoked["detail"]!, StringComparison.Ordinal);
        Assert.Equal(("granted", "scim", admin.UserName), ((string)granted["kind"]!, (string)granted["source"]!, (string)granted["userName"]!));
        Assert.True((long)revoked["revision"]! > (long)granted["revision"]!);
    }

    [Fact]
    public async Task An_admin_added_back_signs_in_again_under_a_new_revision()
    {
        var (tenant, admin, browser) = await SignedInAdminAsync();
        using var _ = browser;
        await Patch(tenant, $"Groups/{tenant.AdminGroupId}", $$"""{"op":"Remove","path":"members[value eq \"{{admin.UserId}}\"]"}""");
        await AssertSessionEndedAsync(browser);

        await Patch(tenant, $"Groups/{tenant.AdminGroupId}", $$"""{"op":"Add","path":"members","value":[{"value":"{{admin.UserId}}"}]}""");
        using var again = new ConsoleBrowser(Server.BaseAddress);

        Assert.Equal("/console", (await again.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName)).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_admin_group_of_many_members_revokes_every_one_before_answering()
    {
        var tenant = await SignInTenant.OnboardAsync(Server);
        var users = new List<string>();
        for (var batch = 0; batch < 4; batch++)
        {
            var created = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => tenant.ProvisionUserAsync()));
            users.AddRange(created.Select(u => u.UserId));
        }

        var members = string.Join(",", users.Select(id => $$"""{"value":"{{id}}"}"""));
        await Patch(tenant, $"Groups/{tenant.AdminGroupId}", $$"""{"op":"Add","path":"members","value":[{{members}}]}""");
        Assert.Equal(users.Count, await CountAsync(tenant.TenantId, "granted"));

        await tenant.ScimAsync(HttpMethod.Delete, $"Groups/{tenant.AdminGroupId}", "");

        Assert.Equal(users.Count, await CountAsync(tenant.TenantId, "revoked"));
    }

    private async Task<(SignInTenant Tenant, SignInPerson Admin, ConsoleBrowser Browser)> SignedInAdminAsync()
    {
        var tenant = await SignInTenant.OnboardAsync(Server);
        var admin = await tenant.ProvisionAdminAsync();
        var browser = new ConsoleBrowser(Server.BaseAddress);
        Assert.Equal("/console", (await browser.SignInAsync(tenant.TenantId, admin.Oid, "Ada", admin.UserName)).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);
        return (tenant, admin, browser);
    }

    private static Task<JsonObject?> Patch(SignInTenant tenant, string path, string operation) =>
        tenant.ScimAsync(HttpMethod.Patch, path, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{{operation}}]}""");

    internal static async Task AssertSessionEndedAsync(ConsoleBrowser browser)
    {
        var next = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("reason=SessionEnded", next.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
    }

    private async Task<JsonArray> AccessLogAsync(string tenantId, string query = "")
    {
        using var operatorClient = Server.CreateOperatorClient();
        var body = await operatorClient.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenantId}/access-log{query}", Cancel);
        return (JsonArray)body!["events"]!;
    }

    private async Task<int> CountAsync(string tenantId, string kind)
    {
        var total = 0;
        string? before = null;
        while (true)
        {
            var page = await AccessLogAsync(tenantId, $"?kind={kind}&take=500{(before is null ? "" : "&before=" + before)}");
            total += page.Count;
            if (page.Count < 500)
            {
                return total;
            }

            before = ((long)page[^1]!["sequence"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

public sealed class EmbeddedScimRevocationTests(StandInServerFixture fixture) : ScimRevocationTests, IClassFixture<StandInServerFixture>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeScimRevocationTests(SingleNodeStandInServerFixture fixture) : ScimRevocationTests, IClassFixture<SingleNodeStandInServerFixture>
{
    protected override TotalServer Server => fixture.Server;
}
