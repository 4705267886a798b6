using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>The request limits (README, "Hostile input"), each an RFC 7644 error that stores nothing.</summary>
public abstract class HostileInputTests : ScimConformanceTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chunked_body_over_one_mebibyte_is_413_and_stores_nothing()
    {
        using var scim = await NewTenantAsync();
        using var http = scim.Tenant.ScimClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "Users")
        {
            Content = new StringContent(EntraBodies.User(NewUpn("big"), Guid.NewGuid().ToString(), title: new string('x', (1024 * 1024) + 1)), Encoding.UTF8, EntraScimClient.ScimMediaType),
        };
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task Body_nested_deeper_than_32_levels_is_400_invalidSyntax()
    {
        using var scim = await NewTenantAsync();
        var userId = await scim.CreateUserIdAsync(NewUpn("ada"));
        var deep = new string('[', 30) + new string(']', 30);

        var response = await scim.PatchAsync($"Users/{userId}", EntraBodies.Patch(EntraBodies.Op("Add", "title", deep)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidSyntax", response.ScimType);
        Assert.Contains("deeper than 32", (string?)response.Error["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_member_names_are_400_invalidSyntax_and_store_nothing()
    {
        using var scim = await NewTenantAsync();
        var body = EntraBodies.User(NewUpn("ada"), Guid.NewGuid().ToString()).Replace("\"active\": true", "\"active\": true, \"active\": false", StringComparison.Ordinal);

        var response = await scim.PostAsync("Users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidSyntax", response.ScimType);
        Assert.Equal(0, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udc00")]
    [InlineData("\\ude00\\ud83d")]
    public async Task Lone_surrogate_escape_is_400_invalidSyntax_and_changes_nothing(string escape)
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{created["id"]}", EntraBodies.Patch(EntraBodies.Op("Replace", "displayName", $"\"Ada{escape}\"")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidSyntax", response.ScimType);
        Assert.True(JsonNode.DeepEquals(created, await scim.GetResourceAsync($"Users/{created["id"]}")));
    }

    [Fact]
    public async Task Nul_escape_is_400_invalidValue_and_stores_nothing()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PostAsync("Users", EntraBodies.User("ada\\u0000@contoso.example", Guid.NewGuid().ToString()).Replace("\\\\u0000", "\\u0000", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidValue", response.ScimType);
        Assert.Equal(0, (await scim.GetAsync("Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task Invalid_utf8_is_400_invalidSyntax_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));
        var patch = Encoding.UTF8.GetBytes(EntraBodies.Patch(EntraBodies.Op("Replace", "displayName", "\"Ada_\"")));
        patch[Array.IndexOf(patch, (byte)'_')] = 0xC3;

        var response = await scim.SendBytesAsync(HttpMethod.Patch, $"Users/{created["id"]}", patch);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidSyntax", response.ScimType);
        Assert.True(JsonNode.DeepEquals(created, await scim.GetResourceAsync($"Users/{created["id"]}")));
    }

    [Fact]
    public async Task Leading_byte_order_mark_is_ignored()
    {
        using var scim = await NewTenantAsync();
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(EntraBodies.User(NewUpn("bom"), Guid.NewGuid().ToString()))).ToArray();

        var response = await scim.SendBytesAsync(HttpMethod.Post, "Users", body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
    }

    [Theory]
    [InlineData("userName")]
    [InlineData("externalId")]
    [InlineData("name.givenName")]
    public async Task String_longer_than_4096_characters_is_400_invalidValue_naming_the_attribute(string path)
    {
        using var scim = await NewTenantAsync();
        var created = await scim.CreateUserAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Users/{created["id"]}", EntraBodies.Patch(EntraBodies.Op("Replace", path, EntraBodies.Quote(new string('a', 4097)))));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidValue", response.ScimType);
        Assert.Contains($"'{path}'", (string?)response.Error["detail"], StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(created, await scim.GetResourceAsync($"Users/{created["id"]}")));
    }

    [Fact]
    public async Task Patch_path_longer_than_1024_characters_is_400_invalidPath()
    {
        using var scim = await NewTenantAsync();
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMemberFlagged(new string('a', 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidPath", response.ScimType);
    }

    [Fact]
    public async Task Filter_with_more_than_64_terms_is_400_invalidFilter()
    {
        using var scim = await NewTenantAsync();
        var filter = string.Join(" or ", Enumerable.Range(0, 33).Select(i => $"userName eq \"u{i}\""));

        var response = await scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidFilter", response.ScimType);
    }
}

public sealed class EmbeddedHostileInputTests(EmbeddedScimServer fixture) : HostileInputTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeHostileInputTests(SingleNodeScimServer fixture) : HostileInputTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
