using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Operator;

/// <summary><c>GET /operator/tenants/{id}/access?oid=</c>: the access decision, from what SCIM provisioned.</summary>
public sealed class AccessDecisionTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private const string AdminGroupObjectId = "2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Member_of_an_admin_group_named_by_object_id_is_admin_and_not_monitored()
    {
        var (tenant, scim) = await TenantAsync(adminGroups: [AdminGroupObjectId], monitoredGroups: ["All-Staff"]);
        var oid = Guid.NewGuid().ToString();
        var userId = await CreateUserAsync(scim, oid);
        await CreateGroupAsync(scim, "TOTAL-Admins", AdminGroupObjectId, userId);

        var decision = await DecideAsync(tenant, oid);

        Assert.True((bool)decision["admin"]!);
        Assert.False((bool)decision["monitored"]!);
        Assert.True((bool)decision["active"]!);
        Assert.Equal(userId, (string?)decision["userId"]);
        Assert.Contains(decision["reasons"]!.AsArray(), r => ((string)r!).Contains("TOTAL-Admins", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_group_named_by_display_name_matches_case_insensitively()
    {
        var (tenant, scim) = await TenantAsync(adminGroups: ["total-admins"], monitoredGroups: []);
        var oid = Guid.NewGuid().ToString();
        var userId = await CreateUserAsync(scim, oid);
        await CreateGroupAsync(scim, "TOTAL-Admins", Guid.NewGuid().ToString(), userId);

        var decision = await DecideAsync(tenant, oid);

        Assert.True((bool)decision["admin"]!);
    }

    [Fact]
    public async Task Admin_who_is_also_in_a_monitored_group_is_monitored()
    {
        var (tenant, scim) = await TenantAsync(adminGroups: ["TOTAL-Admins"], monitoredGroups: ["All-Staff"]);
        var oid = Guid.NewGuid().ToString();
        var userId = await CreateUserAsync(scim, oid);
        await CreateGroupAsync(scim, "TOTAL-Admins", Guid.NewGuid().ToString(), userId);
        await CreateGroupAsync(scim, "All-Staff", Guid.NewGuid().ToString(), userId);

        var decision = await DecideAsync(tenant, oid);

        Assert.True((bool)decision["admin"]!);
        Assert.True((bool)decision["monitored"]!);
    }

    [Fact]
    public async Task Member_of_a_monitored_group_only_is_monitored_not_admin()
    {
        var (tenant, scim) = await TenantAsync(adminGroups: ["TOTAL-Admins"], monitoredGroups: ["All-Staff"]);
        var oid = Guid.NewGuid().ToString();
        var userId = await CreateUserAsync(scim, oid);
        await CreateGroupAsync(scim, "All-Staff", Guid.NewGuid().ToString(), userId);

        var decision = await DecideAsync(tenant, oid);

        Assert.False((bool)decision["admin"]!);
        Assert.True((bool)decision["monitored"]!);
    }

    [Fact]
    public async Task User_provisioned_outside_every_group_is_monitored()
    {
        var (tenant, scim) = await TenantAsync(adminGroups: ["TOTAL-Admins"], monitoredGroups: ["All-Staff"]);
        var oid = Guid.NewGuid().ToString();
        await CreateUserAsync(scim, oid);

        var decision = await DecideAsync(tenant, oid);

        Assert.False((bool)decision["admin"]!);
        Assert.True((bool)decision["monitored"]!);
    }

    [Fact]
    public async Task Disabled_admin_is_neither_admin_nor_monitored()
    {
        var (tenant, scim) = await TenantAsync(adminGroups: ["TOTAL-Admins"], monitoredGroups: []);
        var oid = Guid.NewGuid().ToString();
        var userId = await CreateUserAsync(scim, oid);
        await CreateGroupAsync(scim, "TOTAL-Admins", Guid.NewGuid().ToString(), userId);
        await SendAsync(scim, HttpMethod.Patch, $"Users/{userId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

        var decision = await DecideAsync(tenant, oid);

        Assert.False((bool)decision["admin"]!);
        Assert.False((bool)decision["monitored"]!);
        Assert.False((bool)decision["active"]!);
    }

    [Fact]
    public async Task Removal_from_the_admin_group_over_scim_revokes_admin()
    {
        var (tenant, scim) = await TenantAsync(adminGroups: ["TOTAL-Admins"], monitoredGroups: []);
        var oid = Guid.NewGuid().ToString();
        var userId = await CreateUserAsync(scim, oid);
        var groupId = await CreateGroupAsync(scim, "TOTAL-Admins", Guid.NewGuid().ToString(), userId);
        Assert.True((bool)(await DecideAsync(tenant, oid))["admin"]!);

        await SendAsync(scim, HttpMethod.Patch, $"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"{{userId}}"}]}]}""");

        Assert.False((bool)(await DecideAsync(tenant, oid))["admin"]!);
    }

    [Fact]
    public async Task Unprovisioned_oid_is_denied_with_the_reason()
    {
        var (tenant, _) = await TenantAsync(adminGroups: ["TOTAL-Admins"], monitoredGroups: []);

        var decision = await DecideAsync(tenant, Guid.NewGuid().ToString());

        Assert.False((bool)decision["admin"]!);
        Assert.Null((string?)decision["userId"]);
        Assert.Contains("externalId", (string)decision["reasons"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tenant_is_404_and_missing_oid_is_400()
    {
        var (tenant, _) = await TenantAsync(adminGroups: [], monitoredGroups: []);
        using var operatorClient = fixture.Server.CreateOperatorClient();

        var unknown = await operatorClient.GetAsync($"/operator/tenants/nosuchtenant/access?oid={Guid.NewGuid()}", Cancel);
        var missing = await operatorClient.GetAsync($"/operator/tenants/{tenant.TenantId}/access", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    private async Task<(CreatedTenant Tenant, HttpClient Scim)> TenantAsync(string[] adminGroups, string[] monitoredGroups)
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();
        var tenant = await operatorClient.CreateTenantAsync();
        var response = await operatorClient.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups, monitoredGroups }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (tenant, tenant.ScimClient());
    }

    private async Task<JsonObject> DecideAsync(CreatedTenant tenant, string oid)
    {
        using var operatorClient = fixture.Server.CreateOperatorClient();
        return await operatorClient.AccessAsync(tenant.TenantId, oid);
    }

    private static async Task<string> CreateUserAsync(HttpClient scim, string oid)
    {
        var body = await SendAsync(scim, HttpMethod.Post, "Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"{{oid}}","userName":"{{oid}}@contoso.example","active":true}
            """);
        return (string)body!["id"]!;
    }

    private static async Task<string> CreateGroupAsync(HttpClient scim, string displayName, string objectId, string memberId)
    {
        var body = await SendAsync(scim, HttpMethod.Post, "Groups", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"{{objectId}}","displayName":"{{displayName}}","members":[]}
            """);
        var groupId = (string)body!["id"]!;
        await SendAsync(scim, HttpMethod.Patch, $"Groups/{groupId}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"{{memberId}}"}]}]}
            """);
        return groupId;
    }

    private static async Task<JsonObject?> SendAsync(HttpClient scim, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/scim+json") };
        var response = await scim.SendAsync(request, Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return response.StatusCode == HttpStatusCode.NoContent ? null : (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
    }
}
