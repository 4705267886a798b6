using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Validators;
using Total.Grains.Abstractions.Graph;

namespace Total.Api.SignIn;

/// <summary>
/// Builds the options of <see cref="VendorOidcScheme"/>: the shared <see cref="EntraOidcDefaults"/> against the
/// multi-tenant authority (<c>{instance}organizations/v2.0</c>) with TOTAL's app, one callback path, and issuer
/// validation as Microsoft.Identity.Web sets it up for such an authority: the AAD issuer validator (the token's
/// iss must be the <c>{tenantid}</c> template filled with the token's own tid) and the signing key's issuer
/// check. Those accept every Entra tenant; <see cref="SignInTokenValidation"/> then requires the tid of the
/// tenant named in the protected state.
/// </summary>
public sealed class VendorOidcOptionsSetup(
    VendorApp vendorApp,
    IOptions<VendorAppOptions> vendorOptions,
    IHttpClientFactory httpClients,
    IHostEnvironment environment) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    /// <summary>The named HTTP client the issuer validator would fetch metadata with.</summary>
    public const string MetadataClientName = "entra-vendor-metadata";

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != VendorOidcScheme.Name || !vendorApp.IsConfigured)
        {
            return;
        }

        EntraOidcDefaults.Apply(options, environment);
        options.Authority = vendorApp.Authority;
        options.ClientId = vendorApp.ClientId;
        options.ClientSecret = vendorOptions.Value.ClientSecret;
        options.CallbackPath = vendorApp.CallbackPath;
        options.TokenValidationParameters.ValidAudience = vendorApp.ClientId;

        // The template is given, as the organizations metadata publishes it, so the validator never fetches
        // metadata with the client it caches for the whole process.
        options.TokenValidationParameters.ValidIssuer = vendorApp.IssuerTemplate;
        options.TokenValidationParameters.IssuerValidator = AadIssuerValidator
            .GetAadIssuerValidator(vendorApp.Authority, httpClients.CreateClient(MetadataClientName))
            .Validate;
        options.TokenValidationParameters.EnableAadSigningKeyIssuerValidation();
        options.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = VendorOidcScheme.RedirectToOwnDirectoryAsync,
            OnMessageReceived = AdminConsentReturn.OnMessageReceivedAsync,
            OnTokenValidated = SignInTokenValidation.OnTokenValidatedAsync,
            OnRemoteFailure = SignInTokenValidation.OnRemoteFailureAsync,
        };
    }
}
