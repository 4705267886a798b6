namespace Total.Api.Tests.SignIn;

/// <summary>
/// A stand-in server that also offers TOTAL's shared multi-tenant app (the <c>AzureAd</c> section) to tenants
/// without an app registration of their own. The stand-in knows the app in no Entra tenant until a test registers
/// and consents it there, as a customer's admin would.
/// </summary>
public sealed class VendorAppServerFixture : StandInServerFixture
{
    public const string ClientId = "6b1f0c2e-5a8d-4e47-9f3a-0d2c7e9b4a11";

    /// <summary>A fresh secret per run: the stand-in demands exactly this one where the app is registered.</summary>
    public static readonly string ClientSecret = "vendor-" + Guid.NewGuid().ToString("N");

    protected override Dictionary<string, string?> ServerSettings()
    {
        var settings = base.ServerSettings();
        settings["AzureAd:ClientId"] = ClientId;
        settings["AzureAd:ClientSecret"] = ClientSecret;
        return settings;
    }
}
