using System.Net;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>Bad requests get SCIM errors (never 5xx, never a partial write), and one tenant never reaches another's data.</summary>
public abstract class ErrorsAndIsolationTests : ScimConformanceTests
{
    [Fact]
    public async Task Malformed_json_is_400_invalidSyntax_and_stores_nothing()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PostAsync("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"broken@contoso.example",""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidSyntax", response.ScimType);
        Assert.Equal(0, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task Malformed_json_patch_is_400_invalidSyntax_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{created["id"]}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace",""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidSyntax", response.ScimType);
        Assert.True(JsonNode.DeepEquals(created, await scim.GetResourceAsync($"Users/{created["id"]}")));
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_413()
    {
        using var scim = await NewTenantAsync();
        var body = EntraBodies.User(NewUpn("big"), Guid.NewGuid().ToString(), title: new string('x', (1024 * 1024) + 1));

        var response = await scim.PostAsync("Users", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("413", (string?)response.Error["status"]);
        Assert.Equal(0, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Theory]
    [InlineData("active", "\"maybe\"")]
    [InlineData("name", "\"Ada Lovelace\"")]
    [InlineData("emails", "42")]
    [InlineData("userName", "{\"first\":\"ada\"}")]
    [InlineData("title", "[\"Analyst\",\"Lead\"]")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "\"SOC\"")]
    public async Task Wrong_type_is_400_invalidValue_naming_the_attribute(string attribute, string valueJson)
    {
        using var scim = await NewTenantAsync();
        var body = JsonNode.Parse(EntraBodies.User(NewUpn("ada"), Guid.NewGuid().ToString()))!.AsObject();
        body[attribute] = JsonNode.Parse(valueJson);

        var response = await scim.PostAsync("Users", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidValue", response.ScimType);
        Assert.Contains(attribute, (string?)response.Error["detail"], StringComparison.Ordinal);
        Assert.Equal(0, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task Missing_userName_is_400()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PostAsync("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"active":true}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("userName", (string?)response.Error["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_user_id_is_404_on_this_tenants_url()
    {
        using var tenantA = await NewTenantAsync();
        using var tenantB = await NewTenantAsync();
        var userOfA = await tenantA.CreateUserIdAsync(NewUpn("ada"));

        var get = await tenantB.GetAsync($"Users/{userOfA}");
        var filter = await tenantB.FilterAsync("Users", $"id eq \"{userOfA}\"");

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal("404", (string?)get.Error["status"]);
        Assert.Equal(0, filter.TotalResults);
    }

    [Fact]
    public async Task Writes_to_another_tenants_user_are_404_and_leave_it_unchanged()
    {
        using var tenantA = await NewTenantAsync();
        using var tenantB = await NewTenantAsync();
        var userOfA = await tenantA.CreateUserAsync(NewUpn("ada"));
        var id = (string)userOfA["id"]!;

        var patch = await tenantB.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "active", "\"False\"")));
        var put = await tenantB.PutAsync($"Users/{id}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"hijack@contoso.example"}""");
        var delete = await tenantB.DeleteAsync($"Users/{id}");

        Assert.Equal(HttpStatusCode.NotFound, patch.Status);
        Assert.Equal(HttpStatusCode.NotFound, put.Status);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.True(JsonNode.DeepEquals(userOfA, await tenantA.GetResourceAsync($"Users/{id}")));
    }

    [Fact]
    public async Task Patch_of_another_tenants_group_is_404_and_leaves_it_unchanged()
    {
        using var tenantA = await NewTenantAsync();
        using var tenantB = await NewTenantAsync();
        var memberOfA = await tenantA.CreateUserIdAsync(NewUpn("ada"));
        var groupOfA = await tenantA.CreateGroupAsync("TOTAL-Admins");
        await tenantA.AddMembersAsync(groupOfA, memberOfA);
        var before = await tenantA.GetResourceAsync($"Groups/{groupOfA}");

        var response = await tenantB.PatchAsync($"Groups/{groupOfA}", EntraBodies.Patch(
            EntraBodies.Op("Replace", "displayName", "\"Hijacked\""),
            EntraBodies.Op("Remove", "members", null)));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
        Assert.True(JsonNode.DeepEquals(before, await tenantA.GetResourceAsync($"Groups/{groupOfA}")));
    }

    [Fact]
    public async Task Same_userName_in_two_tenants_is_two_users()
    {
        using var tenantA = await NewTenantAsync();
        using var tenantB = await NewTenantAsync();
        var userName = NewUpn("ada");
        var inA = await tenantA.CreateUserIdAsync(userName);

        var inB = await tenantB.PostAsync("Users", EntraBodies.User(userName, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Created, inB.Status);
        Assert.NotEqual(inA, (string?)inB.Json["id"]);
        Assert.Equal(inA, (string?)Assert.Single((await tenantA.FilterAsync("Users", $"userName eq \"{userName}\"")).Resources)["id"]);
    }

    [Theory]
    [InlineData("Nope")]
    [InlineData("Users/x/y")]
    [InlineData("Me")]
    public async Task Unknown_scim_path_is_404_with_a_scim_error(string relativeUrl)
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync(relativeUrl);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Users?count=abc")]
    [InlineData("Users?startIndex=1.5")]
    [InlineData("Users?sortBy=nosuchattribute")]
    [InlineData("Users?sortOrder=sideways")]
    public async Task Invalid_list_parameters_are_400(string relativeUrl)
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync(relativeUrl);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("400", (string?)response.Error["status"]);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":"Replace"}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Frobnicate","path":"title","value":"x"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"path":"title","value":"x"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"emails[type eq \"work\"","value":"x"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"title","value":{"a":1}}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"name","value":"Ada"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"userName","value":""}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"userName"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","value":"just a string"}]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"maybe"}]}""")]
    [InlineData("""["not","an","object"]""")]
    public async Task User_patch_of_an_invalid_shape_is_400_and_changes_nothing(string body)
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{created["id"]}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("400", (string?)response.Error["status"]);
        Assert.True(JsonNode.DeepEquals(created, await scim.GetResourceAsync($"Users/{created["id"]}")));
    }

    [Theory]
    [InlineData("""{"op":"Add","path":"members","value":[{"value":null}]}""")]
    [InlineData("""{"op":"Add","path":"members","value":[{"display":"Ada"}]}""")]
    [InlineData("""{"op":"Add","path":"members","value":"not-a-list"}""")]
    [InlineData("""{"op":"Add","path":"members","value":[42]}""")]
    [InlineData("""{"op":"Remove","path":"members[value eq \"x\"","value":null}""")]
    [InlineData("""{"op":"Replace","path":"displayName","value":""}""")]
    [InlineData("""{"op":"Remove","path":"displayName"}""")]
    public async Task Group_patch_of_an_invalid_shape_is_400_and_changes_nothing(string operation)
    {
        using var scim = await NewTenantAsync();
        var member = await scim.CreateUserIdAsync(NewUpn("ada"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.AddMembersAsync(groupId, member);
        var before = await scim.GetResourceAsync($"Groups/{groupId}");

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(operation));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(JsonNode.DeepEquals(before, await scim.GetResourceAsync($"Groups/{groupId}")));
    }

    [Theory]
    [InlineData("Users?startIndex=2147483647&count=100")]
    [InlineData("Users?startIndex=1&count=2147483647")]
    [InlineData("Users?startIndex=99999999999")]
    [InlineData("Users?sortBy=name")]
    [InlineData("Users?sortBy=emails")]
    [InlineData("Users?sortBy=emails.value")]
    [InlineData("Users?sortBy=meta.lastModified&sortOrder=descending")]
    [InlineData("Users?sortBy=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("Users?sortBy=active")]
    [InlineData("Users?filter=meta.lastModified%20gt%20%22not-a-date%22")]
    [InlineData("Users?filter=userName%20gt%205")]
    [InlineData("Users?filter=active%20eq%20%22yes%22")]
    [InlineData("Users?filter=name%20pr")]
    [InlineData("Users?filter=name%20eq%20%22x%22")]
    [InlineData("Users?filter=emails%20co%20%22contoso%22")]
    [InlineData("Users?filter=userName%20eq%20null")]
    [InlineData("Users?filter=")]
    [InlineData("Users?attributes=&excludedAttributes=")]
    [InlineData("Users?attributes=nosuch,urn:x:y")]
    [InlineData("Groups?filter=members%20pr")]
    [InlineData("Groups?filter=members%5Bvalue%20eq%20%22x%22%5D%20or%20displayName%20eq%20%22y%22")]
    [InlineData("Groups?filter=members%5Bvalue%20eq%20%22x%22%5D&sortBy=displayName")]
    [InlineData("Groups?sortBy=members")]
    public async Task Unusual_list_request_is_answered_with_200_or_400(string relativeUrl)
    {
        using var scim = await NewTenantAsync();
        var userId = await scim.CreateUserIdAsync(NewUpn("ada"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.AddMembersAsync(groupId, userId);

        var response = await scim.GetAsync(relativeUrl);

        Assert.Contains(response.Status, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
        if (response.Status == HttpStatusCode.BadRequest)
        {
            Assert.Equal("400", (string?)response.Error["status"]);
        }
    }

    [Fact]
    public async Task Create_without_a_body_is_400_invalidSyntax()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.SendAsync(HttpMethod.Post, "Users", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidSyntax", response.ScimType);
    }

    [Fact]
    public async Task Id_with_encoded_slashes_is_404()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync("Users/..%2F..%2Foperator%2Ftenants");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Users/%2E%2E")]
    public async Task Tenant_url_itself_is_404_with_a_scim_error(string relativeUrl)
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync(relativeUrl);

        Assert.True(response.Status == HttpStatusCode.NotFound, $"{(int)response.Status} {response.ContentHeaders.ContentType} [{response.Body}]");
        Assert.Equal("404", (string?)response.Error["status"]);
    }

    [Fact]
    public async Task Overlong_id_is_404()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync($"Users/{new string('a', 5000)}");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
    }
}

public sealed class EmbeddedErrorsAndIsolationTests(EmbeddedScimServer fixture) : ErrorsAndIsolationTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeErrorsAndIsolationTests(SingleNodeScimServer fixture) : ErrorsAndIsolationTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
