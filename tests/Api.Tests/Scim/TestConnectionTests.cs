using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>A.4.1: Entra's Test Connection looks up a random GUID and must get 200 with an empty ListResponse, never 404.</summary>
public abstract class TestConnectionTests : ScimConformanceTests
{
    [Theory]
    [InlineData("Users?filter=userName%20eq%20%22{0}%22")]
    [InlineData("Users?filter=userName+eq+%22{0}%22")]
    [InlineData("Users?filter=externalId%20eq%20%22{0}%22")]
    [InlineData("Users?filter=userName eq \"{0}\"")]
    [InlineData("Groups?excludedAttributes=members&filter=displayName%20eq%20%22{0}%22")]
    [InlineData("Groups?excludedAttributes=members&filter=displayName+eq+%22{0}%22")]
    [InlineData("Users?filter=userName%20eq%20%22{0}%22&aadOptscim062020")]
    public async Task Lookup_of_a_random_guid_is_200_with_an_empty_list_response(string relativeUrl)
    {
        using var scim = await NewTenantAsync();
        await scim.CreateUserIdAsync(NewUpn("existing"));
        await scim.CreateGroupAsync("Existing-Group");

        var response = await scim.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, relativeUrl, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string?)response.Json["schemas"]![0]);
        Assert.Equal(0, response.TotalResults);
        Assert.Empty(response.Resources);
    }

    [Theory]
    [InlineData("%20", "%22")]
    [InlineData("+", "%22")]
    [InlineData("%20", "\"")]
    public async Task Lookup_of_an_existing_userName_finds_it_in_every_encoding(string space, string quote)
    {
        using var scim = await NewTenantAsync();
        var userName = NewUpn("ada");
        var id = await scim.CreateUserIdAsync(userName);

        var response = await scim.GetAsync($"Users?filter=userName{space}eq{space}{quote}{Uri.EscapeDataString(userName)}{quote}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(id, (string?)Assert.Single(response.Resources)["id"]);
    }
}

public sealed class EmbeddedTestConnectionTests(EmbeddedScimServer fixture) : TestConnectionTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeTestConnectionTests(SingleNodeScimServer fixture) : TestConnectionTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
