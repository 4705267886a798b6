using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>Users: create (A.4.3), read (A.4.4), soft delete (A.4.6), replace (PUT) and hard delete (A.4.7).</summary>
public abstract class UserLifecycleTests : ScimConformanceTests
{
    [Fact]
    public async Task Create_with_the_full_Entra_body_is_201_with_id_location_etag_and_meta()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PostAsync("Users", EntraBodies.User(NewUpn("ada"), Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        var user = response.Json;
        var id = (string?)user["id"];
        Assert.False(string.IsNullOrEmpty(id));
        var meta = user["meta"]!;
        Assert.Equal("User", (string?)meta["resourceType"]);
        Assert.NotNull((string?)meta["created"]);
        Assert.NotNull((string?)meta["lastModified"]);
        Assert.Equal($"{scim.Tenant.ScimBaseUrl}/Users/{id}", (string?)meta["location"]);
        Assert.Equal((string?)meta["location"], response.Headers.Location?.ToString());
        Assert.NotNull((string?)meta["version"]);
        Assert.Equal((string?)meta["version"], response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Create_echoes_every_value_unchanged()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var externalId = Guid.NewGuid().ToString();

        var user = await scim.CreateUserAsync(userName, externalId, "ada.lovelace@contoso.example");

        Assert.Equal(userName, (string?)user["userName"]);
        Assert.Equal(externalId, (string?)user["externalId"]);
        Assert.True((bool)user["active"]!);
        Assert.Equal("Ada Lovelace", (string?)user["displayName"]);
        Assert.Equal("Security Analyst", (string?)user["title"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"primary": true, "type": "work", "value": "ada.lovelace@contoso.example"}]"""), user["emails"]));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"}"""), user["name"]));
        Assert.Equal("SOC", (string?)user[EntraBodies.EnterpriseUser]!["department"]);
        Assert.Contains(EntraBodies.EnterpriseUser, user["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public async Task Created_user_reads_back_by_id_with_the_same_values()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));

        var read = await scim.GetAsync($"Users/{created["id"]}");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.True(JsonNode.DeepEquals(created, read.Json), $"created {created.ToJsonString()} but read {read.Body}");
        Assert.Equal((string?)created["meta"]!["version"], read.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Create_with_active_as_string_True_stores_boolean_true()
    {
        using var scim = await NewTenantAsync();
        var body = EntraBodies.User(NewUpn("ada"), Guid.NewGuid().ToString()).Replace("\"active\": true", "\"active\": \"True\"", StringComparison.Ordinal);

        var response = await scim.PostAsync("Users", body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var stored = await scim.GetResourceAsync($"Users/{response.Json["id"]}");
        Assert.Equal(JsonValueKind.True, stored["active"]!.GetValueKind());
    }

    [Fact]
    public async Task Create_with_the_legacy_body_with_nulls_and_flattened_department_is_201()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("legacy");
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],
             "externalId":"jyoung","userName":{{EntraBodies.Quote(userName)}},"active":true,
             "addresses":null,"displayName":"Joy Young",
             "emails":[{"type":"work","value":"jyoung@contoso.example","primary":true}],
             "meta":{"resourceType":"User"},
             "name":{"familyName":"Young","givenName":"Joy"},
             "phoneNumbers":null,"department":null,"manager":null,"title":null}
            """;

        var response = await scim.PostAsync("Users", body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var user = response.Json;
        Assert.Equal(userName, (string?)user["userName"]);
        Assert.Equal("jyoung", (string?)user["externalId"]);
        Assert.Null(user["title"]);
        Assert.Null(user["addresses"]);
        Assert.Null(user["department"]);
    }

    [Fact]
    public async Task Create_ignores_unknown_attributes_and_unknown_extension_urns()
    {
        using var scim = await NewTenantAsync();
        var body = EntraBodies.User(NewUpn("ada"), Guid.NewGuid().ToString()).Replace(
            "\"roles\": []",
            """
            "roles": [], "favouriteColour": "blue",
            "urn:ietf:params:scim:schemas:extension:Custom:2.0:User:costCenter": "CC-1",
            "urn:ietf:params:scim:schemas:extension:Custom:2.0:User": {"costCenter": "CC-1"}
            """,
            StringComparison.Ordinal);

        var response = await scim.PostAsync("Users", body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var stored = await scim.GetResourceAsync($"Users/{response.Json["id"]}");
        Assert.DoesNotContain("favouriteColour", stored.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("costCenter", stored.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Custom", stored.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_sent_as_application_json_is_accepted()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PostAsync("Users", EntraBodies.User(NewUpn("ada"), Guid.NewGuid().ToString()), "application/json");

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
    }

    [Fact]
    public async Task Duplicate_userName_in_another_case_is_409_uniqueness_and_the_first_user_is_unchanged()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var first = await scim.CreateUserAsync(userName, "first-external-id");

        var duplicate = await scim.PostAsync("Users", EntraBodies.User(userName.ToUpperInvariant(), "second-external-id", title: "Impostor"));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal("uniqueness", duplicate.ScimType);
        Assert.False(string.IsNullOrWhiteSpace((string?)duplicate.Error["detail"]));
        Assert.True(JsonNode.DeepEquals(first, await scim.GetResourceAsync($"Users/{first["id"]}")));
        Assert.Equal(1, (await scim.FilterAsync("Users", $"userName eq \"{userName}\"")).TotalResults);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_userName_give_exactly_one_201_and_one_409()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("race");

        var responses = await Task.WhenAll(
            scim.PostAsync("Users", EntraBodies.User(userName, "one")),
            scim.PostAsync("Users", EntraBodies.User(userName, "two")));

        Assert.Equal(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }, responses.Select(r => r.Status).Order());
        var found = await scim.FilterAsync("Users", $"userName eq \"{userName}\"");
        Assert.Equal(1, found.TotalResults);
        Assert.Equal(1, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_404_with_a_scim_error()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync($"Users/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
    }

    [Fact]
    public async Task Soft_deleted_user_is_still_returned_by_get_and_by_filter()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var id = await scim.CreateUserIdAsync(userName);

        var disable = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "active", "\"False\"")));

        Assert.Equal(HttpStatusCode.OK, disable.Status);
        Assert.False((bool)(await scim.GetResourceAsync($"Users/{id}"))["active"]!);
        var found = await scim.FilterAsync("Users", $"userName eq \"{userName}\"");
        Assert.Equal(id, (string?)Assert.Single(found.Resources)["id"]);
        Assert.False((bool)found.Resources[0]["active"]!);
    }

    [Fact]
    public async Task Put_replaces_the_user_clearing_omitted_attributes_and_keeping_id_and_created()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var created = await scim.CreateUserAsync(userName);
        var id = (string)created["id"]!;

        var response = await scim.PutAsync($"Users/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":{{EntraBodies.Quote(userName)}},"active":true,"displayName":"Ada King"}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var stored = await scim.GetResourceAsync($"Users/{id}");
        Assert.Equal(id, (string?)stored["id"]);
        Assert.Equal("Ada King", (string?)stored["displayName"]);
        Assert.Null(stored["title"]);
        Assert.Null(stored["emails"]);
        Assert.Null(stored["name"]);
        Assert.Null(stored[EntraBodies.EnterpriseUser]);
        Assert.Equal((string?)created["meta"]!["created"], (string?)stored["meta"]!["created"]);
        Assert.NotEqual((string?)created["meta"]!["version"], (string?)stored["meta"]!["version"]);
    }

    [Fact]
    public async Task Delete_is_204_and_then_get_is_404_and_filter_finds_nothing()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var id = await scim.CreateUserIdAsync(userName);

        var response = await scim.DeleteAsync($"Users/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"Users/{id}")).Status);
        Assert.Equal(0, (await scim.FilterAsync("Users", $"userName eq \"{userName}\"")).TotalResults);
        Assert.Equal(0, (await scim.FilterAsync("Users", $"id eq \"{id}\"")).TotalResults);
    }

    [Fact]
    public async Task Deleted_user_is_no_longer_a_member_of_its_groups()
    {
        using var scim = await NewTenantAsync();
        var leaving = await scim.CreateUserIdAsync(NewUpn("leaving"));
        var staying = await scim.CreateUserIdAsync(NewUpn("staying"));
        var groupId = await scim.CreateGroupAsync("All-Staff");
        await scim.AddMembersAsync(groupId, leaving, staying);

        await scim.DeleteAsync($"Users/{leaving}");

        Assert.Equal([staying], await scim.MemberIdsAsync(groupId));
        Assert.Equal(0, (await scim.FilterAsync("Groups", $"id eq \"{groupId}\" and members[value eq \"{leaving}\"]", "excludedAttributes=members")).TotalResults);
    }

    [Fact]
    public async Task Delete_of_an_unknown_id_is_404()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.DeleteAsync($"Users/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
    }

    [Fact]
    public async Task Ten_concurrent_creates_of_one_userName_in_different_cases_create_exactly_one_user()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("race");
        var spellings = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? userName : userName.ToUpperInvariant());

        var responses = await Task.WhenAll(spellings.Select(spelling => scim.PostAsync("Users", EntraBodies.User(spelling, Guid.NewGuid().ToString()))));

        Assert.Single(responses, r => r.Status == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal("uniqueness", r.ScimType));
        Assert.Equal(1, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task Put_keeps_the_id_of_the_url_whatever_id_the_body_carries()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var id = await scim.CreateUserIdAsync(userName);

        var response = await scim.PutAsync($"Users/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"another-id",
             "userName":{{EntraBodies.Quote(userName)}},"active":true}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(id, (string?)response.Json["id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync("Users/another-id")).Status);
    }

    [Fact]
    public async Task Put_with_a_taken_userName_is_409_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var taken = NewUpn("taken");
        await scim.CreateUserIdAsync(taken);
        var created = await scim.CreateUserAsync(NewUpn("ada"));

        var response = await scim.PutAsync($"Users/{created["id"]}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":{{EntraBodies.Quote(taken)}},"active":true}
            """);

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("uniqueness", response.ScimType);
        Assert.True(JsonNode.DeepEquals(created, await scim.GetResourceAsync($"Users/{created["id"]}")));
    }

    [Fact]
    public async Task Delete_with_a_stale_If_Match_is_412_and_keeps_the_user()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));
        var id = (string)created["id"]!;
        await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "title", "\"Lead Analyst\"")));

        var response = await scim.SendAsync(HttpMethod.Delete, $"Users/{id}", ifMatch: (string)created["meta"]!["version"]!);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.Status);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync($"Users/{id}")).Status);
    }

    [Fact]
    public async Task UserName_with_a_plus_sign_is_found_by_its_encoded_filter()
    {
        using var scim = await NewTenantAsync();
        var userName = $"ada+{Guid.NewGuid():N}@contoso.example";
        var id = await scim.CreateUserIdAsync(userName);

        var response = await scim.FilterAsync("Users", $"userName eq \"{userName}\"");

        Assert.Equal(id, (string?)Assert.Single(response.Resources)["id"]);
    }
}

public sealed class EmbeddedUserLifecycleTests(EmbeddedScimServer fixture) : UserLifecycleTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeUserLifecycleTests(SingleNodeScimServer fixture) : UserLifecycleTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
