using Total.Api.Scim;

namespace Total.Api.Tests.Scim;

/// <summary>The <c>Scim</c> settings' rule beyond ranges: the public base is a site root the Tenant URL can be built on.</summary>
public sealed class ScimOptionsTests
{
    [Theory]
    [InlineData("https://total.example.com", true)]
    [InlineData("https://total.example.com/", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("ftp://total.example.com", false)]
    [InlineData("https://total.example.com/?tenant=1", false)]
    [InlineData("https://total.example.com/#top", false)]
    public void Only_an_http_or_https_site_root_is_a_public_base(string url, bool accepted) =>
        Assert.Equal(accepted, new ScimOptionsRulesValidator().Validate(null, new ScimOptions { PublicBaseUrl = url }).Succeeded);
}
