using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>RFC 7644 §4 discovery endpoints (A.4.15): read-only, no filtering, ListResponse collections.</summary>
public abstract class DiscoveryTests : ScimConformanceTests
{
    private const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    [Fact]
    public async Task ServiceProviderConfig_describes_the_service()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync("ServiceProviderConfig");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", (string?)response.Json["schemas"]![0]);
        Assert.True((bool)response.Json["patch"]!["supported"]!);
        Assert.True((bool)response.Json["filter"]!["supported"]!);
    }

    [Fact]
    public async Task ResourceTypes_is_a_list_response_of_User_and_Group()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync("ResourceTypes");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(ListResponse, (string?)response.Json["schemas"]![0]);
        Assert.Equal(["Group", "User"], response.Resources.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(2, response.TotalResults);
    }

    [Fact]
    public async Task Schemas_is_a_list_response_with_the_user_group_and_enterprise_schemas()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync("Schemas");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(ListResponse, (string?)response.Json["schemas"]![0]);
        var ids = response.Resources.Select(r => (string)r["id"]!).ToList();
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:User", ids);
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:Group", ids);
        Assert.Contains(EntraBodies.EnterpriseUser, ids);
        Assert.Equal(ids.Count, response.TotalResults);
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")]
    public async Task Schema_by_urn_is_that_schema(string urn)
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync($"Schemas/{urn}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(urn, (string?)response.Json["id"]);
        Assert.NotEmpty(response.Json["attributes"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_schema_is_404_with_a_scim_error()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync("Schemas/urn:example:nosuchschema");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("404", (string?)response.Error["status"]);
    }

    [Theory]
    [InlineData("POST", "ServiceProviderConfig")]
    [InlineData("PUT", "ServiceProviderConfig")]
    [InlineData("PATCH", "ServiceProviderConfig")]
    [InlineData("DELETE", "ServiceProviderConfig")]
    [InlineData("POST", "ResourceTypes")]
    [InlineData("DELETE", "ResourceTypes/User")]
    [InlineData("POST", "Schemas")]
    [InlineData("PUT", "Schemas/urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("PATCH", "Schemas/urn:ietf:params:scim:schemas:core:2.0:User")]
    [InlineData("DELETE", "Schemas/urn:ietf:params:scim:schemas:core:2.0:User")]
    public async Task Writes_to_discovery_endpoints_are_405_allowing_GET(string method, string relativeUrl)
    {
        using var scim = await NewTenantAsync();

        var response = await scim.SendAsync(new HttpMethod(method), relativeUrl, method == "DELETE" ? null : "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("405", (string?)response.Error["status"]);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(["GET"], response.ContentHeaders.Allow);
    }

    [Theory]
    [InlineData("ServiceProviderConfig")]
    [InlineData("ResourceTypes")]
    [InlineData("Schemas")]
    public async Task Filter_on_discovery_endpoints_is_403(string relativeUrl)
    {
        using var scim = await NewTenantAsync();

        var response = await scim.GetAsync($"{relativeUrl}?filter={Uri.EscapeDataString("id eq \"User\"")}");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("403", (string?)response.Error["status"]);
    }
}

public sealed class EmbeddedDiscoveryTests(EmbeddedScimServer fixture) : DiscoveryTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeDiscoveryTests(SingleNodeScimServer fixture) : DiscoveryTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
