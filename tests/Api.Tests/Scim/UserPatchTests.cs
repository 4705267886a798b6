using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>User PATCH in every shape Entra sends (A.4.5, A.4.6, A.4.18), atomicity and If-Match.</summary>
public abstract class UserPatchTests : ScimConformanceTests
{
    private const string Department = EntraBodies.EnterpriseUser + ":department";
    private const string EmployeeNumber = EntraBodies.EnterpriseUser + ":employeeNumber";

    [Fact]
    public async Task Replace_title_is_200_with_the_updated_resource()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "title", "\"Lead Analyst\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(id, (string?)response.Json["id"]);
        Assert.Equal("Lead Analyst", (string?)response.Json["title"]);
        Assert.Equal("Lead Analyst", (string?)(await scim.GetResourceAsync($"Users/{id}"))["title"]);
    }

    [Fact]
    public async Task Replace_work_email_value_and_family_name_in_one_request_changes_both()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(
            EntraBodies.Op("Replace", "emails[type eq \"work\"].value", "\"ada.king@contoso.example\""),
            EntraBodies.Op("Replace", "name.familyName", "\"King\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var user = await scim.GetResourceAsync($"Users/{id}");
        var email = Assert.Single(user["emails"]!.AsArray())!;
        Assert.Equal("ada.king@contoso.example", (string?)email["value"]);
        Assert.Equal("work", (string?)email["type"]);
        Assert.True((bool)email["primary"]!);
        Assert.Equal("King", (string?)user["name"]!["familyName"]);
        Assert.Equal("Ada", (string?)user["name"]!["givenName"]);
    }

    [Fact]
    public async Task Replace_by_urn_qualified_enterprise_path_changes_the_department()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", Department, "\"Red Team\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Red Team", (string?)(await scim.GetResourceAsync($"Users/{id}"))[EntraBodies.EnterpriseUser]!["department"]);
    }

    [Fact]
    public async Task Add_title_when_absent_sets_it()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.PostAsync("Users", EntraBodies.User(NewUpn("ada"), Guid.NewGuid().ToString(), title: null));
        var id = (string)created.Json["id"]!;
        Assert.Null(created.Json["title"]);

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Add", "title", "\"Analyst\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Analyst", (string?)(await scim.GetResourceAsync($"Users/{id}"))["title"]);
    }

    [Fact]
    public async Task Replace_userName_renames_the_user_and_filters_follow_the_new_name()
    {
        using var scim = await NewTenantAsync();
        var oldName = NewUpn("ada");
        var newName = NewUpn("ada.king");
        var id = await scim.CreateUserIdAsync(oldName);

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "userName", EntraBodies.Quote(newName))));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(newName, (string?)(await scim.GetResourceAsync($"Users/{id}"))["userName"]);
        Assert.Equal(0, (await scim.FilterAsync("Users", $"userName eq \"{oldName}\"")).TotalResults);
        Assert.Equal(id, (string?)Assert.Single((await scim.FilterAsync("Users", $"userName eq \"{newName}\"")).Resources)["id"]);
    }

    [Fact]
    public async Task Renamed_users_old_userName_can_be_taken_by_a_new_user()
    {
        using var scim = await NewTenantAsync();
        var oldName = NewUpn("ada");
        var id = await scim.CreateUserIdAsync(oldName);
        await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "userName", EntraBodies.Quote(NewUpn("ada.king")))));

        var response = await scim.PostAsync("Users", EntraBodies.User(oldName, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Created, response.Status);
    }

    [Fact]
    public async Task Replace_userName_with_one_taken_in_another_case_is_409_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var taken = NewUpn("taken");
        await scim.CreateUserIdAsync(taken);
        var ownName = NewUpn("ada");
        var id = await scim.CreateUserIdAsync(ownName);
        var before = await scim.GetResourceAsync($"Users/{id}");

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "userName", EntraBodies.Quote(taken.ToUpperInvariant()))));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("uniqueness", response.ScimType);
        Assert.True(JsonNode.DeepEquals(before, await scim.GetResourceAsync($"Users/{id}")));
        Assert.Equal(1, (await scim.FilterAsync("Users", $"userName eq \"{ownName}\"")).TotalResults);
        Assert.Equal(1, (await scim.FilterAsync("Users", $"userName eq \"{taken}\"")).TotalResults);
    }

    [Fact]
    public async Task Replace_externalId_changes_it_and_the_externalId_filter_follows()
    {
        using var scim = await NewTenantAsync();
        var oldExternalId = Guid.NewGuid().ToString();
        var newExternalId = Guid.NewGuid().ToString();
        var id = (string)(await scim.CreateUserAsync(NewUpn("ada"), oldExternalId))["id"]!;

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "externalId", EntraBodies.Quote(newExternalId))));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(newExternalId, (string?)(await scim.GetResourceAsync($"Users/{id}"))["externalId"]);
        Assert.Equal(0, (await scim.FilterAsync("Users", $"externalId eq \"{oldExternalId}\"")).TotalResults);
        Assert.Equal(id, (string?)Assert.Single((await scim.FilterAsync("Users", $"externalId eq \"{newExternalId}\"")).Resources)["id"]);
    }

    [Fact]
    public async Task Replace_active_with_string_False_disables_the_user()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "active", "\"False\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.False, (await scim.GetResourceAsync($"Users/{id}"))["active"]!.GetValueKind());
    }

    [Fact]
    public async Task Replace_active_with_string_True_re_enables_the_user()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));
        await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "active", "\"False\"")));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "active", "\"True\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.True, (await scim.GetResourceAsync($"Users/{id}"))["active"]!.GetValueKind());
    }

    [Fact]
    public async Task Lowercase_replace_with_a_json_boolean_disables_the_user()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("replace", "active", "false")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.False, (await scim.GetResourceAsync($"Users/{id}"))["active"]!.GetValueKind());
    }

    [Fact]
    public async Task Lowercase_add_of_a_single_valued_string_sets_it()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("barbara"));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("add", "nickName", "\"Babs\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Babs", (string?)(await scim.GetResourceAsync($"Users/{id}"))["nickName"]);
    }

    [Fact]
    public async Task No_path_replace_with_dotted_and_urn_qualified_keys_sets_each_attribute()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));
        var externalId = Guid.NewGuid().ToString();

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(
            EntraBodies.Op("replace", "emails[type eq \"work\"].value", "\"ada.king@contoso.example\""),
            EntraBodies.Op("replace", null, $$"""
                {"displayName":"Ada King","name.givenName":"Augusta","name.familyName":"King",
                 "externalId":{{EntraBodies.Quote(externalId)}},
                 "{{EmployeeNumber}}":"E-1815"}
                """)));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var user = await scim.GetResourceAsync($"Users/{id}");
        Assert.Equal("Ada King", (string?)user["displayName"]);
        Assert.Equal("Augusta", (string?)user["name"]!["givenName"]);
        Assert.Equal("King", (string?)user["name"]!["familyName"]);
        Assert.Equal(externalId, (string?)user["externalId"]);
        Assert.Equal("E-1815", (string?)user[EntraBodies.EnterpriseUser]!["employeeNumber"]);
        Assert.Equal("SOC", (string?)user[EntraBodies.EnterpriseUser]!["department"]);
        Assert.Equal("ada.king@contoso.example", (string?)Assert.Single(user["emails"]!.AsArray())!["value"]);
        Assert.Null(user["name.givenName"]);
        Assert.Null(user[EmployeeNumber]);
    }

    [Fact]
    public async Task Replace_on_a_typed_email_filter_that_matches_nothing_creates_the_typed_email()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var created = await scim.PostAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":{{EntraBodies.Quote(userName)}},"active":true}
            """);
        var id = (string)created.Json["id"]!;

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(
            EntraBodies.Op("Replace", "emails[type eq \"work\"].value", "\"ada@contoso.example\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var email = Assert.Single((await scim.GetResourceAsync($"Users/{id}"))["emails"]!.AsArray())!;
        Assert.Equal("work", (string?)email["type"]);
        Assert.Equal("ada@contoso.example", (string?)email["value"]);
    }

    [Fact]
    public async Task Patch_whose_second_operation_is_invalid_is_400_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));
        var before = await scim.GetResourceAsync($"Users/{id}");

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(
            EntraBodies.Op("Replace", "title", "\"Lead Analyst\""),
            EntraBodies.Op("Replace", "active", "\"maybe\"")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidValue", response.ScimType);
        var after = await scim.GetResourceAsync($"Users/{id}");
        Assert.Equal("Security Analyst", (string?)after["title"]);
        Assert.Equal((string?)before["meta"]!["version"], (string?)after["meta"]!["version"]);
        Assert.True(JsonNode.DeepEquals(before, after));
    }

    [Fact]
    public async Task Patch_with_a_stale_If_Match_is_412_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));
        var id = (string)created["id"]!;
        var staleVersion = (string)created["meta"]!["version"]!;
        await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "title", "\"Lead Analyst\"")));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "title", "\"Intern\"")), ifMatch: staleVersion);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.Status);
        Assert.Equal("412", (string?)response.Error["status"]);
        Assert.Equal("Lead Analyst", (string?)(await scim.GetResourceAsync($"Users/{id}"))["title"]);
    }

    [Fact]
    public async Task Patch_with_the_current_If_Match_is_200_and_bumps_the_version()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));
        var id = (string)created["id"]!;
        var version = (string)created["meta"]!["version"]!;

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "title", "\"Lead Analyst\"")), ifMatch: version);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Lead Analyst", (string?)response.Json["title"]);
        Assert.NotEqual(version, (string?)response.Json["meta"]!["version"]);
        Assert.Equal((string?)response.Json["meta"]!["version"], response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Patch_of_an_unknown_id_is_404()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PatchAsync($"Users/{Guid.NewGuid()}", EntraBodies.Patch(EntraBodies.Op("Replace", "title", "\"x\"")));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
    }

    [Theory]
    [InlineData("Replace", "title")]
    [InlineData("replace", "title")]
    [InlineData("REPLACE", "title")]
    [InlineData("Replace", "Title")]
    [InlineData("Replace", "TITLE")]
    public async Task Op_and_attribute_names_match_ignoring_case(string op, string path)
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op(op, path, "\"Lead Analyst\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Lead Analyst", (string?)(await scim.GetResourceAsync($"Users/{id}"))["title"]);
    }

    [Fact]
    public async Task Patch_resending_current_values_keeps_the_version()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));
        var id = (string)created["id"]!;

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(
            EntraBodies.Op("Replace", "title", "\"Security Analyst\""),
            EntraBodies.Op("Replace", "active", "\"True\"")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(JsonNode.DeepEquals(created, await scim.GetResourceAsync($"Users/{id}")));
    }

    [Fact]
    public async Task Replace_userName_changing_only_its_case_keeps_the_user_findable()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var id = await scim.CreateUserIdAsync(userName);

        var response = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "userName", EntraBodies.Quote(userName.ToUpperInvariant()))));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(userName.ToUpperInvariant(), (string?)(await scim.GetResourceAsync($"Users/{id}"))["userName"]);
        Assert.Equal(id, (string?)Assert.Single((await scim.FilterAsync("Users", $"userName eq \"{userName}\"")).Resources)["id"]);
    }

    [Fact]
    public async Task Concurrent_renames_of_two_users_to_one_userName_give_one_200_and_one_409()
    {
        using var scim = await NewTenantAsync();
        var first = await scim.CreateUserIdAsync(NewUpn("first"));
        var second = await scim.CreateUserIdAsync(NewUpn("second"));
        var target = NewUpn("target");
        var rename = EntraBodies.Patch(EntraBodies.Op("Replace", "userName", EntraBodies.Quote(target)));

        var responses = await Task.WhenAll(scim.PatchAsync($"Users/{first}", rename), scim.PatchAsync($"Users/{second}", rename));

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, responses.Select(r => r.Status).Order());
        Assert.Equal(1, (await scim.FilterAsync("Users", $"userName eq \"{target}\"")).TotalResults);
    }
}

public sealed class EmbeddedUserPatchTests(EmbeddedScimServer fixture) : UserPatchTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeUserPatchTests(SingleNodeScimServer fixture) : UserPatchTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
