using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>List requests: paging (§3.4.2.4), sorting (§3.4.2.3), projection (§3.4.2.5) and <c>POST /.search</c> (§3.4.3).</summary>
public abstract class PagingSortingProjectionTests : ScimConformanceTests
{
    private const int UserCount = 12;

    [Theory]
    [InlineData(1, 5, 5)]
    [InlineData(6, 5, 5)]
    [InlineData(11, 5, 2)]
    [InlineData(13, 5, 0)]
    public async Task Page_reports_totalResults_itemsPerPage_and_startIndex(int startIndex, int count, int expectedItems)
    {
        using var scim = await NewTenantAsync();
        await CreateUsersAsync(scim);

        var page = await scim.GetAsync($"Users?startIndex={startIndex}&count={count}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(UserCount, page.TotalResults);
        Assert.Equal(expectedItems, (int)page.Json["itemsPerPage"]!);
        Assert.Equal(startIndex, (int)page.Json["startIndex"]!);
        Assert.Equal(expectedItems, page.Resources.Count);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_cover_every_user()
    {
        using var scim = await NewTenantAsync();
        var userNames = await CreateUsersAsync(scim);

        var seen = new List<string>();
        for (var startIndex = 1; startIndex <= UserCount; startIndex += 5)
        {
            var page = await scim.GetAsync($"Users?startIndex={startIndex}&count=5");
            seen.AddRange(page.Resources.Select(r => (string)r["userName"]!));
        }

        Assert.Equal(UserCount, seen.Count);
        Assert.Equal(userNames.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task StartIndex_below_1_is_treated_as_1(string startIndex)
    {
        using var scim = await NewTenantAsync();
        await CreateUsersAsync(scim);
        var first = await scim.GetAsync("Users?startIndex=1&count=3");

        var page = await scim.GetAsync($"Users?startIndex={startIndex}&count=3");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(1, (int)page.Json["startIndex"]!);
        Assert.Equal(first.Resources.Select(r => (string?)r["id"]), page.Resources.Select(r => (string?)r["id"]));
    }

    [Fact]
    public async Task Count_0_returns_only_totalResults()
    {
        using var scim = await NewTenantAsync();
        await CreateUsersAsync(scim);

        var page = await scim.GetAsync("Users?count=0");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(UserCount, page.TotalResults);
        Assert.Equal(0, (int)page.Json["itemsPerPage"]!);
        Assert.Empty(page.Resources);
    }

    [Theory]
    [InlineData("ascending")]
    [InlineData("descending")]
    public async Task SortBy_userName_orders_the_whole_result(string sortOrder)
    {
        using var scim = await NewTenantAsync();
        var userNames = await CreateUsersAsync(scim);

        var firstPage = await scim.GetAsync($"Users?sortBy=userName&sortOrder={sortOrder}&startIndex=1&count=6");
        var secondPage = await scim.GetAsync($"Users?sortBy=userName&sortOrder={sortOrder}&startIndex=7&count=6");

        var sorted = sortOrder == "ascending"
            ? userNames.Order(StringComparer.OrdinalIgnoreCase).ToList()
            : userNames.OrderDescending(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(sorted, firstPage.Resources.Concat(secondPage.Resources).Select(r => (string)r["userName"]!));
    }

    /// <remarks><c>meta.resourceType</c> is always returned by design (Entra's lookup answers carry it, A.4.2).</remarks>
    [Fact]
    public async Task Attributes_returns_id_schemas_meta_resourceType_and_only_the_named_attributes()
    {
        using var scim = await NewTenantAsync();
        await CreateUsersAsync(scim);

        var page = await scim.GetAsync("Users?attributes=userName,emails&count=1");

        var user = Assert.Single(page.Resources);
        Assert.Equal(["emails", "id", "meta", "schemas", "userName"], user.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["resourceType"], user["meta"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Attributes_applies_to_get_by_id()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var user = await scim.GetResourceAsync($"Users/{id}?attributes=userName,emails");

        Assert.Equal(["emails", "id", "meta", "schemas", "userName"], user.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["resourceType"], user["meta"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task ExcludedAttributes_leaves_out_the_named_attributes_only()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var user = await scim.GetResourceAsync($"Users/{id}?excludedAttributes=emails");
        var listed = Assert.Single((await scim.GetAsync("Users?excludedAttributes=emails")).Resources);

        Assert.Null(user["emails"]);
        Assert.NotNull(user["userName"]);
        Assert.NotNull(user["name"]);
        Assert.Equal(id, (string?)user["id"]);
        Assert.Null(listed["emails"]);
        Assert.NotNull(listed["userName"]);
    }

    [Fact]
    public async Task Group_list_with_excludedAttributes_members_has_no_members()
    {
        using var scim = await NewTenantAsync();
        var userId = await scim.CreateUserIdAsync(NewUpn("ada"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.AddMembersAsync(groupId, userId);

        var page = await scim.FilterAsync("Groups", "displayName eq \"Vendor-Admins\"", "excludedAttributes=members");
        var withMembers = await scim.FilterAsync("Groups", "displayName eq \"Vendor-Admins\"");

        var group = Assert.Single(page.Resources);
        Assert.Equal(groupId, (string?)group["id"]);
        Assert.Null(group["members"]);
        Assert.Equal(userId, (string?)Assert.Single(Assert.Single(withMembers.Resources)["members"]!.AsArray())!["value"]);
    }

    [Fact]
    public async Task Users_search_applies_filter_paging_and_projection_from_the_body()
    {
        using var scim = await NewTenantAsync();
        var userNames = await CreateUsersAsync(scim);

        var response = await scim.PostAsync("Users/.search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "attributes":["userName"],"filter":"userName sw \"paged\"","sortBy":"userName","startIndex":2,"count":3}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(UserCount, response.TotalResults);
        Assert.Equal(2, (int)response.Json["startIndex"]!);
        Assert.Equal(userNames.Order(StringComparer.OrdinalIgnoreCase).Skip(1).Take(3), response.Resources.Select(r => (string)r["userName"]!));
        Assert.All(response.Resources, r => Assert.Null(r["emails"]));
    }

    [Fact]
    public async Task Groups_search_finds_by_displayName_without_members()
    {
        using var scim = await NewTenantAsync();
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.CreateGroupAsync("Others");

        var response = await scim.PostAsync("Groups/.search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "excludedAttributes":["members"],"filter":"displayName eq \"vendor-admins\""}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var group = Assert.Single(response.Resources);
        Assert.Equal(groupId, (string?)group["id"]);
        Assert.Null(group["members"]);
    }

    [Fact]
    public async Task Search_with_an_invalid_filter_is_400_invalidFilter()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PostAsync("Users/.search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq"}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidFilter", response.ScimType);
    }

    /// <summary>Creates <see cref="UserCount"/> users in a shuffled order; returns their userNames.</summary>
    private static async Task<IReadOnlyList<string>> CreateUsersAsync(EntraScimClient scim)
    {
        var userNames = Enumerable.Range(0, UserCount).Select(i => $"paged{(i * 7) % UserCount:D2}@contoso.example").ToList();
        foreach (var userName in userNames)
        {
            await scim.CreateUserIdAsync(userName);
        }

        return userNames;
    }
}

public sealed class EmbeddedPagingSortingProjectionTests(EmbeddedScimServer fixture) : PagingSortingProjectionTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodePagingSortingProjectionTests(SingleNodeScimServer fixture) : PagingSortingProjectionTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
