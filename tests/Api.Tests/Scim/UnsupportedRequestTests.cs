using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>
/// What the service does not do, it says precisely: a method a path does not support is 405 with an <c>Allow</c>
/// header naming those it does (RFC 9110 §15.5.6), and <c>POST /Bulk</c>, which ServiceProviderConfig says is not
/// supported, is 501 (RFC 7644 §3.7). Both are SCIM errors, and both need the tenant's token like every SCIM route.
/// </summary>
public abstract class UnsupportedRequestTests : ScimConformanceTests
{
    private const string AnId = "01a23f22-0000-7000-8000-000000000000";

    [Theory]
    [InlineData("PUT", "Users", "GET, POST")]
    [InlineData("DELETE", "Users", "GET, POST")]
    [InlineData("PATCH", "Groups", "GET, POST")]
    [InlineData("POST", "Users/" + AnId, "GET, PUT, PATCH, DELETE")]
    [InlineData("POST", "Groups/" + AnId, "GET, PUT, PATCH, DELETE")]
    [InlineData("GET", "Users/.search", "POST")]
    [InlineData("DELETE", "Groups/.search", "POST")]
    [InlineData("OPTIONS", "Users", "GET, POST")]
    [InlineData("GET", "Bulk", "POST")]
    [InlineData("PUT", "Bulk", "POST")]
    public async Task A_method_the_path_does_not_support_is_405_with_Allow_naming_the_methods_it_does(string method, string relativeUrl, string allowed)
    {
        using var scim = await NewTenantAsync();

        var response = await scim.SendAsync(new HttpMethod(method), relativeUrl, method is "GET" or "DELETE" or "OPTIONS" ? null : "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("405", (string?)response.Error["status"]);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(Methods(allowed), Methods(string.Join(", ", response.ContentHeaders.Allow)));
    }

    [Fact]
    public async Task Bulk_is_501_with_a_scim_error()
    {
        using var scim = await NewTenantAsync();

        var response = await scim.PostAsync("Bulk", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
             "Operations":[{"method":"POST","path":"/Users","bulkId":"q1","data":{"userName":"ada@contoso.example"}}]}
            """);

        Assert.Equal(HttpStatusCode.NotImplemented, response.Status);
        Assert.Equal("501", (string?)response.Error["status"]);
        Assert.Equal("application/scim+json", response.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(0, (await scim.FilterAsync("Users", "userName eq \"ada@contoso.example\"")).TotalResults);
    }

    [Theory]
    [InlineData("POST", "Bulk")]
    [InlineData("PUT", "Users")]
    [InlineData("POST", "ServiceProviderConfig")]
    public async Task Bulk_and_unsupported_methods_without_the_token_are_401(string method, string relativeUrl)
    {
        using var scim = await NewTenantAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(scim.Tenant.ScimBaseUrl + "/") };
        using var request = new HttpRequestMessage(new HttpMethod(method), relativeUrl) { Content = new StringContent("{}", System.Text.Encoding.UTF8, EntraScimClient.ScimMediaType) };

        using var response = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Content.Headers.Allow);
    }

    private static SortedSet<string> Methods(string allow) =>
        new(allow.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
}

public sealed class EmbeddedUnsupportedRequestTests(EmbeddedScimServer fixture) : UnsupportedRequestTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeUnsupportedRequestTests(SingleNodeScimServer fixture) : UnsupportedRequestTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
