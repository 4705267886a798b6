using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>RFC 7644 §3.4.2.2 filters on <c>/Users</c>, beyond Entra's <c>eq</c>/<c>and</c>.</summary>
public abstract class FilteringTests : ScimConformanceTests
{
    [Theory]
    [InlineData("userName eq \"alice@contoso.example\"", "alice")]
    [InlineData("userName eq \"ALICE@Contoso.Example\"", "alice")]
    [InlineData("USERNAME EQ \"alice@contoso.example\"", "alice")]
    [InlineData("userName co \"contoso\"", "alice,carol,dave")]
    [InlineData("userName sw \"bob\"", "bob")]
    [InlineData("userName ew \"@fabrikam.example\"", "bob")]
    [InlineData("title pr", "alice,bob,carol")]
    [InlineData("userName ne \"alice@contoso.example\"", "bob,carol,dave")]
    [InlineData("title eq \"Engineer\" or title eq \"Manager\"", "alice,bob")]
    [InlineData("not (userName co \"contoso\")", "bob")]
    [InlineData("userName eq \"alice@contoso.example\" or userName eq \"bob@fabrikam.example\"", "alice,bob")]
    [InlineData("userName eq \"alice@contoso.example\" and title eq \"Manager\"", "")]
    [InlineData("active eq true", "alice,bob,carol,dave")]
    [InlineData("name.givenName eq \"ada\"", "alice,bob,carol,dave")]
    [InlineData("(userName sw \"a\" or userName sw \"b\") and title pr", "alice,bob")]
    [InlineData("userName co \"contoso\" and not (title pr)", "dave")]
    [InlineData("emails[type eq \"work\" and value co \"@contoso\"]", "alice,carol,dave")]
    [InlineData("emails[type eq \"work\"].value eq \"bob@fabrikam.example\"", "bob")]
    [InlineData("emails.value eq \"bob@fabrikam.example\"", "bob")]
    [InlineData("title eq \"Says \\\"hi\\\"\"", "carol")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"Red Team\"", "bob")]
    [InlineData("meta.lastModified gt \"2000-01-01T00:00:00Z\"", "alice,bob,carol,dave")]
    [InlineData("meta.lastModified ge \"2000-01-01T00:00:00Z\"", "alice,bob,carol,dave")]
    [InlineData("meta.lastModified lt \"2000-01-01T00:00:00Z\"", "")]
    [InlineData("meta.lastModified le \"2000-01-01T00:00:00Z\"", "")]
    [InlineData("meta.lastModified lt \"2999-01-01T00:00:00Z\"", "alice,bob,carol,dave")]
    [InlineData("meta.lastModified gt \"2999-01-01T00:00:00Z\"", "")]
    public async Task Filter_returns_exactly_the_matching_users(string filter, string expectedUsers)
    {
        using var scim = await NewTenantAsync();
        await CreateCastAsync(scim);

        var response = await scim.FilterAsync("Users", filter);

        var expected = expectedUsers.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, response.Resources.Select(r => ((string)r["userName"]!).Split('@')[0]).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, response.TotalResults);
    }

    [Fact]
    public async Task LastModified_comparison_with_a_users_own_timestamp_includes_it_for_ge_and_le_and_excludes_it_for_gt()
    {
        using var scim = await NewTenantAsync();
        var user = await scim.CreateUserAsync(NewUpn("ada"));
        var lastModified = (string)user["meta"]!["lastModified"]!;

        var ge = await scim.FilterAsync("Users", $"meta.lastModified ge \"{lastModified}\"");
        var le = await scim.FilterAsync("Users", $"meta.lastModified le \"{lastModified}\"");
        var gt = await scim.FilterAsync("Users", $"meta.lastModified gt \"{lastModified}\"");

        Assert.Equal(1, ge.TotalResults);
        Assert.Equal(1, le.TotalResults);
        Assert.Equal(0, gt.TotalResults);
    }

    [Fact]
    public async Task UserName_eq_compares_ignoring_case_as_every_other_filter_does_not_by_the_lower_cased_index_key()
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("kelvin");
        await scim.CreateUserAsync(userName);

        // KELVIN SIGN lower-cases to "k" (the index key matches) but is not "k" ignoring case (RFC 7643 caseExact false).
        var kelvinSign = await scim.FilterAsync("Users", $"userName eq \"\u212A{userName[1..]}\"");
        var contains = await scim.FilterAsync("Users", $"userName co \"\u212A{userName[1..]}\"");
        var upper = await scim.FilterAsync("Users", $"userName eq \"{userName.ToUpperInvariant()}\"");

        Assert.Equal(contains.TotalResults, kelvinSign.TotalResults);
        Assert.Equal(0, kelvinSign.TotalResults);
        Assert.Equal(1, upper.TotalResults);
    }

    [Fact]
    public async Task ExternalId_eq_is_case_exact()
    {
        using var scim = await NewTenantAsync();
        var externalId = "ExtId-" + Guid.NewGuid().ToString("N");
        await scim.CreateUserAsync(NewUpn("ada"), externalId);

        var exact = await scim.FilterAsync("Users", $"externalId eq \"{externalId}\"");
        var otherCase = await scim.FilterAsync("Users", $"externalId eq \"{externalId.ToUpperInvariant()}\"");

        Assert.Equal(1, exact.TotalResults);
        Assert.Equal(0, otherCase.TotalResults);
    }

    [Fact]
    public async Task Id_eq_is_case_exact()
    {
        using var scim = await NewTenantAsync();
        var id = await scim.CreateUserIdAsync(NewUpn("ada"));

        var exact = await scim.FilterAsync("Users", $"id eq \"{id}\"");
        var otherCase = await scim.FilterAsync("Users", $"id eq \"{id.ToUpperInvariant()}\"");

        Assert.Equal(id, (string?)Assert.Single(exact.Resources)["id"]);
        Assert.Equal(0, otherCase.TotalResults);
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName zz \"x\"")]
    [InlineData("(userName eq \"x\"")]
    [InlineData("userName eq \"unterminated")]
    [InlineData("userName eq \"x\" and")]
    [InlineData("emails[type eq \"work\"")]
    public async Task Invalid_filter_is_400_invalidFilter_never_an_unfiltered_list(string filter)
    {
        using var scim = await NewTenantAsync();
        await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidFilter", response.ScimType);
        Assert.Null(response.Json["Resources"]);
    }

    [Fact]
    public async Task Filter_on_an_attribute_the_schema_does_not_know_matches_nothing()
    {
        using var scim = await NewTenantAsync();
        await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.FilterAsync("Users", "nosuchattribute eq \"x\"");

        Assert.Equal(0, response.TotalResults);
        Assert.Empty(response.Resources);
    }

    [Fact]
    public async Task Filter_that_matches_nothing_is_200_with_totalResults_0()
    {
        using var scim = await NewTenantAsync();
        await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.FilterAsync("Users", "userName eq \"nobody@contoso.example\"");

        Assert.Equal(0, response.TotalResults);
        Assert.Empty(response.Resources);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string?)response.Json["schemas"]![0]);
    }

    /// <summary>Four users whose names say who they are: alice, bob, carol and dave (dave has no title).</summary>
    private static async Task CreateCastAsync(EntraScimClient scim)
    {
        foreach (var body in new[]
        {
            EntraBodies.User("alice@contoso.example", Guid.NewGuid().ToString(), title: "Engineer"),
            EntraBodies.User("bob@fabrikam.example", Guid.NewGuid().ToString(), department: "Red Team", title: "Manager"),
            EntraBodies.User("carol@contoso.example", Guid.NewGuid().ToString(), title: "Says \"hi\""),
            EntraBodies.User("dave@contoso.example", Guid.NewGuid().ToString(), title: null),
        })
        {
            Assert.Equal(HttpStatusCode.Created, (await scim.PostAsync("Users", body)).Status);
        }
    }
}

public sealed class EmbeddedFilteringTests(EmbeddedScimServer fixture) : FilteringTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeFilteringTests(SingleNodeScimServer fixture) : FilteringTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
