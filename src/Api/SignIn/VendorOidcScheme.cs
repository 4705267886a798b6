using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.SignIn;

/// <summary>
/// The one OpenID Connect scheme of TOTAL's shared multi-tenant app, for every tenant without an app registration
/// of its own. Its single callback cannot say which tenant a sign-in is for, so the challenge carries the TOTAL
/// tenant (and its Entra tenant id) in the authentication properties: they travel inside the protected
/// <c>state</c>, which only this server can read or make, so nobody can swap the tenant on the way back.
/// </summary>
public static class VendorOidcScheme
{
    /// <remarks>Tenant ids are 16 base32 characters (or <c>demo</c>), so no tenant's own scheme has this name.</remarks>
    public const string Name = "entra-vendor";

    private const string TenantItem = "total.tenant";
    private const string EntraTenantItem = "total.entra-tenant";

    /// <summary>Marks a challenge as a sign-in to <paramref name="tenant"/>.</summary>
    public static AuthenticationProperties For(TenantSignInSettings tenant, AuthenticationProperties properties)
    {
        properties.Items[TenantItem] = tenant.TenantId;
        properties.Items[EntraTenantItem] = tenant.EntraTenantId.ToString("D");
        return properties;
    }

    /// <summary>The TOTAL tenant a sign-in through this scheme is for, from the protected state; null when absent.</summary>
    public static string? TenantId(AuthenticationProperties? properties) =>
        properties is not null && properties.Items.TryGetValue(TenantItem, out var tenantId) ? tenantId : null;

    /// <summary>
    /// Sends the person to their own directory's authorize endpoint instead of <c>organizations</c>: they sign in
    /// to their organisation without picking it, and a guest gets a token of the customer's tenant, not of their
    /// home tenant. The code is still redeemed at the multi-tenant token endpoint, which accepts any tenant's code.
    /// </summary>
    public static Task RedirectToOwnDirectoryAsync(RedirectContext context)
    {
        if (!context.Properties.Items.TryGetValue(EntraTenantItem, out var value) || !Guid.TryParse(value, out var entraTenantId))
        {
            throw new InvalidOperationException($"A challenge of scheme '{Name}' must name the tenant; start sign-in at /t/{{tenantId}}/signin.");
        }

        context.ProtocolMessage.IssuerAddress = InDirectory(context.ProtocolMessage.IssuerAddress, entraTenantId);
        return LoginHint.ApplyAsync(context);
    }

    /// <summary><c>…/organizations/oauth2/v2.0/authorize</c> with the tenant segment replaced by <paramref name="entraTenantId"/>.</summary>
    public static string InDirectory(string authorizeEndpoint, Guid entraTenantId)
    {
        var endpoint = new UriBuilder(authorizeEndpoint);
        var path = endpoint.Path;
        var oauth = path.IndexOf("/oauth2/", StringComparison.Ordinal);
        var tenantStart = oauth > 0 ? path.LastIndexOf('/', oauth - 1) : -1;
        if (tenantStart < 0)
        {
            throw new InvalidOperationException($"The authorization endpoint '{authorizeEndpoint}' has no tenant segment before /oauth2/, unlike Entra's.");
        }

        endpoint.Path = path[..(tenantStart + 1)] + entraTenantId.ToString("D") + path[oauth..];
        return endpoint.Uri.AbsoluteUri;
    }
}
