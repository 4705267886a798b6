using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.SignIn;

/// <summary>
/// One OpenID Connect scheme per tenant (<c>entra-{tenantId}</c>), added on first use, for every customer who signs
/// in through their own Entra app registration: own authority, client id and secret. Settings are read from the
/// tenant grain and the scheme's options rebuilt when they change. Customers without one use the shared
/// <see cref="VendorOidcScheme"/> when TOTAL's own app is configured.
/// </summary>
public sealed class TenantOidcSchemes(
    IAuthenticationSchemeProvider schemes,
    IOptionsMonitorCache<OpenIdConnectOptions> optionsCache,
    IGrainFactory grains)
{
    public const string Prefix = "entra-";

    private readonly ConcurrentDictionary<string, TenantSignInSettings> _settings = new(StringComparer.Ordinal);

    public static string SchemeName(string tenantId) => Prefix + tenantId;

    /// <summary>The tenant a tenant scheme belongs to; null for any other scheme.</summary>
    public static string? TenantIdOf(string schemeName) =>
        schemeName.StartsWith(Prefix, StringComparison.Ordinal) && schemeName != VendorOidcScheme.Name ? schemeName[Prefix.Length..] : null;

    /// <summary>The settings a scheme's options are built from (see <see cref="TenantOidcOptionsSetup"/>).</summary>
    public TenantSignInSettings? SettingsFor(string schemeName) =>
        TenantIdOf(schemeName) is { } tenantId && _settings.TryGetValue(tenantId, out var settings) ? settings : null;

    /// <summary>
    /// Makes sure the tenant's scheme exists with its current settings. Returns the tenant's settings
    /// (null when the tenant does not exist, or the id from the URL cannot name one); check <see cref="TenantSignInSettings.CanSignIn"/>.
    /// </summary>
    public async Task<TenantSignInSettings?> EnsureAsync(string tenantId)
    {
        if (!TenantIds.IsWellFormed(tenantId))
        {
            return null;
        }

        var current = await grains.GetGrain<ITenantGrain>(tenantId).GetSignInSettingsAsync();
        if (current is null || !current.CanSignIn)
        {
            return current;
        }

        var name = SchemeName(tenantId);
        if (!_settings.TryGetValue(tenantId, out var known) || known != current)
        {
            _settings[tenantId] = current;
            optionsCache.TryRemove(name);
        }

        if (await schemes.GetSchemeAsync(name) is null)
        {
            schemes.TryAddScheme(new AuthenticationScheme(name, $"Microsoft ({current.Name})", typeof(OpenIdConnectHandler)));
        }

        return current;
    }
}
