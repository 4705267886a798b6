using Total.Grains.Abstractions.Graph;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// The <c>AzureAd</c> rules beside those <see cref="VendorAppSignInTests"/> starts a server with: the shared app is
/// off or whole, and its one redirect is a path.
/// </summary>
public sealed class VendorAppOptionsTests
{
    [Fact]
    public void A_callback_that_is_not_a_path_is_refused()
    {
        var result = new VendorAppOptionsValidator().Validate(null, new VendorAppOptions { CallbackPath = "signin-oidc" });

        Assert.Contains("AzureAd:CallbackPath must be a path starting with '/', e.g. /signin-oidc.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_without_a_client_id_is_refused() =>
        Assert.Contains("AzureAd:ClientId and AzureAd:ClientSecret go together", new VendorAppOptionsValidator().Validate(null, new VendorAppOptions { ClientSecret = "s" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Unset_the_shared_app_is_off_and_accepted() =>
        Assert.True(new VendorAppOptionsValidator().Validate(null, new VendorAppOptions()).Succeeded);
}
