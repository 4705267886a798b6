using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.SignIn;

namespace Total.Api.Tests.Operator;

public sealed class OperatorApiTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TotalServer Server => fixture.Server;

    [Fact]
    public async Task Create_returns_201_with_tenant_url_and_token_shown_once()
    {
        using var client = Server.CreateOperatorClient();
        var entraTenantId = Guid.NewGuid();

        var created = await client.CreateTenantAsync("Fabrikam", entraTenantId);

        Assert.Equal("Fabrikam", (string?)created.Body["name"]);
        Assert.Equal(entraTenantId.ToString(), (string?)created.Body["entraTenantId"]);
        Assert.Equal(new Uri(Server.BaseAddress, $"/scim/v2/{created.TenantId}"), created.ScimBaseUrl);
        Assert.StartsWith("totscim_", created.ScimToken, StringComparison.Ordinal);
        Assert.True(created.ScimToken.Length >= 8 + 43, "256 random bits need 43 base64url characters");
        var fetched = await client.GetStringAsync($"/operator/tenants/{created.TenantId}", Cancel);
        Assert.DoesNotContain(created.ScimToken, fetched, StringComparison.Ordinal);
        Assert.DoesNotContain("scimToken\"", fetched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_returns_settings_and_never_the_client_secret()
    {
        using var client = Server.CreateOperatorClient();
        const string secret = "s3cr3t~value.that-must-never-be-returned";
        var response = await client.PostAsJsonAsync("/operator/tenants", new
        {
            name = "Northwind",
            entraTenantId = Guid.NewGuid().ToString(),
            adminGroups = new[] { "f3b1c1de-0000-4000-8000-000000000001", "TOTAL-Admins" },
            monitoredGroups = Array.Empty<string>(),
            entraClientId = "0b8e3c1a-1111-4222-8333-444455556666",
            entraClientSecret = secret,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var tenantId = (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["tenantId"]!;

        var body = await client.GetStringAsync($"/operator/tenants/{tenantId}", Cancel);

        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        var tenant = JsonNode.Parse(body)!;
        Assert.True((bool)tenant["hasEntraClientSecret"]!);
        Assert.Equal("0b8e3c1a-1111-4222-8333-444455556666", (string?)tenant["entraClientId"]);
        Assert.Equal(["f3b1c1de-0000-4000-8000-000000000001", "TOTAL-Admins"], tenant["adminGroups"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task List_includes_created_tenants()
    {
        using var client = Server.CreateOperatorClient();
        var created = await client.CreateTenantAsync("Listed Ltd");

        var list = JsonNode.Parse(await client.GetStringAsync("/operator/tenants", Cancel))!;

        Assert.Contains(list["tenants"]!.AsArray(), t => (string?)t!["tenantId"] == created.TenantId && (string?)t["name"] == "Listed Ltd");
        Assert.True((int)list["totalResults"]! >= 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    public async Task Wrong_or_missing_operator_key_is_401(string? authorization)
    {
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/operator/tenants");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization.StartsWith("Basic", StringComparison.Ordinal) ? authorization : "Bearer " + authorization);
        }

        var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_without_key_is_401_and_creates_nothing()
    {
        using var anonymous = Server.CreateClient();
        using var client = Server.CreateOperatorClient();
        var entraTenantId = Guid.NewGuid();

        var response = await anonymous.PostAsJsonAsync("/operator/tenants", new { name = "Sneaky", entraTenantId }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var list = await client.GetStringAsync("/operator/tenants", Cancel);
        Assert.DoesNotContain(entraTenantId.ToString(), list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/operator/tenants/doesnotexist", "GET")]
    [InlineData("/operator/tenants/doesnotexist", "DELETE")]
    [InlineData("/operator/tenants/doesnotexist/scim-token", "POST")]
    [InlineData("/operator/tenants/doesnotexist/access?oid=00000000-0000-0000-0000-000000000001", "GET")]
    [InlineData("/operator/tenants/doesnotexist/access-log", "GET")]
    [InlineData("/operator/tenants/doesnotexist/reconciliation", "GET")]
    [InlineData("/operator/tenants/doesnotexist/reconciliation", "POST")]
    [InlineData("/operator/tenants/doesnotexist/graph-check", "POST")]
    public async Task Unknown_tenant_is_404(string path, string method)
    {
        using var client = Server.CreateOperatorClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Update_groups_of_unknown_tenant_is_404()
    {
        using var client = Server.CreateOperatorClient();

        var response = await client.PutAsJsonAsync("/operator/tenants/doesnotexist/groups", new { adminGroups = new[] { "a" }, monitoredGroups = Array.Empty<string>() }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"entraTenantId":"6e2b8f0c-9d1a-4c3b-8e7f-123456789abc"}""", "name")]
    [InlineData("""{"name":"  ","entraTenantId":"6e2b8f0c-9d1a-4c3b-8e7f-123456789abc"}""", "name")]
    [InlineData("""{"name":"Bad Guid","entraTenantId":"not-a-guid"}""", "entraTenantId")]
    [InlineData("""{"name":"No Guid"}""", "entraTenantId")]
    [InlineData("""{"name":"Empty Guid","entraTenantId":"00000000-0000-0000-0000-000000000000"}""", "entraTenantId")]
    [InlineData("""{"name":"Bad client","entraTenantId":"6e2b8f0c-9d1a-4c3b-8e7f-123456789abd","entraClientId":"nope"}""", "entraClientId")]
    [InlineData("""{"name":"Bad groups","entraTenantId":"6e2b8f0c-9d1a-4c3b-8e7f-123456789abe","adminGroups":[""]}""", "adminGroups")]
    [InlineData("""{"name":"Wrong type","entraTenantId":"6e2b8f0c-9d1a-4c3b-8e7f-123456789abf","adminGroups":"TOTAL-Admins"}""", "adminGroups")]
    [InlineData("""{"name": """, "JSON")]
    [InlineData("""[1,2,3]""", "JSON")]
    public async Task Invalid_create_body_is_400_with_a_clear_message(string json, string mentioned)
    {
        using var client = Server.CreateOperatorClient();

        var response = await client.PostAsync("/operator/tenants", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Contains(mentioned, (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Duplicate_entra_tenant_id_is_400_and_keeps_the_first_tenant()
    {
        using var client = Server.CreateOperatorClient();
        var entraTenantId = Guid.NewGuid();
        var first = await client.CreateTenantAsync("First", entraTenantId);

        var response = await client.PostAsJsonAsync("/operator/tenants", new { name = "Second", entraTenantId = entraTenantId.ToString() }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already onboarded", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var stillThere = JsonNode.Parse(await client.GetStringAsync($"/operator/tenants/{first.TenantId}", Cancel))!;
        Assert.Equal("First", (string?)stillThere["name"]);
    }

    [Fact]
    public async Task Concurrent_onboarding_of_one_entra_tenant_creates_exactly_one()
    {
        using var client = Server.CreateOperatorClient();
        var entraTenantId = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PostAsJsonAsync("/operator/tenants", new { name = $"Racer {i}", entraTenantId }, Cancel)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Update_groups_replaces_both_lists()
    {
        using var client = Server.CreateOperatorClient();
        var created = await client.CreateTenantAsync();

        var response = await client.PutAsJsonAsync($"/operator/tenants/{created.TenantId}/groups", new
        {
            adminGroups = new[] { "Sec-Admins", " Sec-Admins ", "sec-admins" },
            monitoredGroups = new[] { "Finance", "Sales" },
        }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tenant = JsonNode.Parse(await client.GetStringAsync($"/operator/tenants/{created.TenantId}", Cancel))!;
        Assert.Equal(["Sec-Admins"], tenant["adminGroups"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["Finance", "Sales"], tenant["monitoredGroups"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Update_groups_without_both_lists_is_400_and_changes_nothing()
    {
        using var client = Server.CreateOperatorClient();
        var created = await client.CreateTenantAsync();

        var response = await client.PutAsJsonAsync($"/operator/tenants/{created.TenantId}/groups", new { adminGroups = new[] { "Other" } }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var tenant = JsonNode.Parse(await client.GetStringAsync($"/operator/tenants/{created.TenantId}", Cancel))!;
        Assert.Equal(["TOTAL-Admins"], tenant["adminGroups"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Update_groups_that_would_leave_no_active_admin_is_409_naming_who_would_lose_access()
    {
        using var client = Server.CreateOperatorClient();
        var tenant = await SignInTenant.OnboardAsync(Server);
        var admin = await tenant.ProvisionAdminAsync();

        var response = await client.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = Array.Empty<string>(), monitoredGroups = Array.Empty<string>() }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Contains(admin.UserName, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("confirmRemovingAllAdmins", (string?)problem["detail"], StringComparison.Ordinal);
        var losing = Assert.Single(problem["adminsLosingAccess"]!.AsArray());
        Assert.Equal(admin.UserId, (string?)losing!["userId"]);
        Assert.Equal(admin.Oid, (string?)losing["externalId"]);
        Assert.Equal(["TOTAL-Admins"], await AdminGroupsAsync(client, tenant.TenantId));
        Assert.True(await IsAdminAsync(client, tenant.TenantId, admin.Oid));
    }

    [Fact]
    public async Task Update_groups_confirmed_with_confirmRemovingAllAdmins_takes_access_from_every_admin()
    {
        using var client = Server.CreateOperatorClient();
        var tenant = await SignInTenant.OnboardAsync(Server);
        var admin = await tenant.ProvisionAdminAsync();

        var response = await client.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = Array.Empty<string>(), monitoredGroups = Array.Empty<string>(), confirmRemovingAllAdmins = true }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await AdminGroupsAsync(client, tenant.TenantId));
        Assert.False(await IsAdminAsync(client, tenant.TenantId, admin.Oid));
    }

    [Fact]
    public async Task Update_groups_of_a_tenant_without_admins_yet_needs_no_confirmation()
    {
        using var client = Server.CreateOperatorClient();
        var created = await client.CreateTenantAsync();

        var response = await client.PutAsJsonAsync($"/operator/tenants/{created.TenantId}/groups", new { adminGroups = Array.Empty<string>(), monitoredGroups = Array.Empty<string>() }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Update_groups_moving_admin_access_from_every_admin_to_other_people_needs_confirmation()
    {
        using var client = Server.CreateOperatorClient();
        var tenant = await SignInTenant.OnboardAsync(Server);
        var admin = await tenant.ProvisionAdminAsync();
        var helpdesk = await tenant.ProvisionUserAsync();
        await tenant.ScimAsync(HttpMethod.Post, "Groups", $$"""{"displayName":"Helpdesk","members":[{"value":"{{helpdesk.UserId}}"}]}""");

        var moved = await client.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = new[] { "Helpdesk" }, monitoredGroups = Array.Empty<string>() }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.True(await IsAdminAsync(client, tenant.TenantId, admin.Oid));

        // Handed over in two steps (the new group first), no step takes access from every admin.
        var added = await client.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = new[] { "TOTAL-Admins", "Helpdesk" }, monitoredGroups = Array.Empty<string>() }, Cancel);
        var removed = await client.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = new[] { "Helpdesk" }, monitoredGroups = Array.Empty<string>() }, Cancel);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.False(await IsAdminAsync(client, tenant.TenantId, admin.Oid));
        Assert.True(await IsAdminAsync(client, tenant.TenantId, helpdesk.Oid));
    }

    [Fact]
    public async Task Update_groups_naming_a_group_by_its_object_id_in_another_case_grants_its_members_admin_at_once()
    {
        using var client = Server.CreateOperatorClient();
        var tenant = await SignInTenant.OnboardAsync(Server);
        await tenant.ProvisionAdminAsync();
        var helpdesk = await tenant.ProvisionUserAsync();
        var objectId = Guid.NewGuid().ToString().ToUpperInvariant();
        await tenant.ScimAsync(HttpMethod.Post, "Groups", $$"""{"displayName":"Helpdesk","externalId":"{{objectId}}","members":[{"value":"{{helpdesk.UserId}}"}]}""");

        var response = await client.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = new[] { "TOTAL-Admins", objectId.ToLowerInvariant() }, monitoredGroups = Array.Empty<string>() }, Cancel);

        // The settings change itself grants access (an entry names a group ignoring case, everywhere), not a later check.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = (JsonArray)(await client.GetFromJsonAsync<JsonObject>($"/operator/tenants/{tenant.TenantId}/access-log?kind=granted&source=settings", Cancel))!["events"]!;
        Assert.Contains(log, e => (string?)e!["userId"] == helpdesk.UserId);
    }

    [Fact]
    public async Task Update_groups_counts_only_active_members_as_admins_left()
    {
        using var client = Server.CreateOperatorClient();
        var tenant = await SignInTenant.OnboardAsync(Server);
        await tenant.ProvisionAdminAsync();
        var leaver = await tenant.ProvisionUserAsync();
        await tenant.ScimAsync(HttpMethod.Patch, $"Users/{leaver.UserId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":false}]}""");
        await tenant.ScimAsync(HttpMethod.Post, "Groups", $$"""{"displayName":"Dormant","members":[{"value":"{{leaver.UserId}}"}]}""");

        var response = await client.PutAsJsonAsync($"/operator/tenants/{tenant.TenantId}/groups", new { adminGroups = new[] { "Dormant" }, monitoredGroups = Array.Empty<string>() }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["TOTAL-Admins"], await AdminGroupsAsync(client, tenant.TenantId));
    }

    [Fact]
    public async Task Entra_app_secret_is_write_only_and_kept_when_omitted()
    {
        using var client = Server.CreateOperatorClient();
        var created = await client.CreateTenantAsync();
        var clientId = Guid.NewGuid().ToString();

        var set = await client.PutAsJsonAsync($"/operator/tenants/{created.TenantId}/entra-app", new { entraClientId = clientId, entraClientSecret = "first-secret-value" }, Cancel);
        var changeIdOnly = await client.PutAsJsonAsync($"/operator/tenants/{created.TenantId}/entra-app", new { entraClientId = clientId }, Cancel);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changeIdOnly.StatusCode);
        var body = await client.GetStringAsync($"/operator/tenants/{created.TenantId}", Cancel);
        Assert.DoesNotContain("first-secret-value", body, StringComparison.Ordinal);
        Assert.True((bool)JsonNode.Parse(body)!["hasEntraClientSecret"]!);
    }

    [Fact]
    public async Task Delete_offboards_the_tenant_and_frees_its_entra_tenant_id()
    {
        using var client = Server.CreateOperatorClient();
        var entraTenantId = Guid.NewGuid();
        var created = await client.CreateTenantAsync("Leaving", entraTenantId);

        var deleted = await client.DeleteAsync($"/operator/tenants/{created.TenantId}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/operator/tenants/{created.TenantId}", Cancel)).StatusCode);
        Assert.DoesNotContain(created.TenantId, await client.GetStringAsync("/operator/tenants", Cancel), StringComparison.Ordinal);
        await client.CreateTenantAsync("Returning", entraTenantId);
    }

    private static async Task<IEnumerable<string>> AdminGroupsAsync(HttpClient client, string tenantId) =>
        JsonNode.Parse(await client.GetStringAsync($"/operator/tenants/{tenantId}", Cancel))!["adminGroups"]!.AsArray().Select(n => (string)n!);

    private static async Task<bool> IsAdminAsync(HttpClient client, string tenantId, string oid) =>
        (bool)JsonNode.Parse(await client.GetStringAsync($"/operator/tenants/{tenantId}/access?oid={oid}", Cancel))!["admin"]!;
}
