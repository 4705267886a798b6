using Total.Grains.Abstractions.Tenants;
using Total.Hosting.Http;

namespace Total.Api.SignIn;

/// <summary>
/// Which Entra app a tenant signs in and reads Microsoft Graph with, as the console explains it: its own app
/// registration whenever it has one, else TOTAL's shared app when configured (which needs the tenant's admin
/// consent, hence the link), else none.
/// </summary>
public sealed record TenantEntraApp(EntraAppSource Source, string? AdminConsentUrl = null)
{
    public static TenantEntraApp Of(TenantDetails tenant, VendorApp vendorApp, HttpRequest request)
    {
        if (HasOwn(tenant))
        {
            return new TenantEntraApp(EntraAppSource.Own);
        }

        var root = SiteRoot.Of(request);
        return vendorApp.IsConfigured
            ? new TenantEntraApp(EntraAppSource.Shared, vendorApp.AdminConsentUrl(tenant.EntraTenantId, root, tenant.TenantId))
            : new TenantEntraApp(EntraAppSource.None);
    }

    /// <summary>The tenant chose its own app registration (see <see cref="TenantSignInSettings.HasOwnApp"/>).</summary>
    public static bool HasOwn(TenantDetails tenant) => !string.IsNullOrEmpty(tenant.EntraClientId);
}

public enum EntraAppSource
{
    /// <summary>Neither the tenant's own app registration nor TOTAL's shared app: no sign-in, SCIM-only revocation.</summary>
    None,

    /// <summary>The tenant's own app registration (client id and secret entered for it).</summary>
    Own,

    /// <summary>TOTAL's shared multi-tenant app (<c>AzureAd</c>), under the admin consent of the tenant's Entra admin.</summary>
    Shared,
}
