using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>
/// Builds a tenant scheme's OpenID Connect options: the shared <see cref="EntraOidcDefaults"/> against the tenant's
/// own authority (<c>{instance}{entra tenant id}/v2.0</c>) and app registration, so the metadata issuer is that one
/// tenant's and a token of any other tenant fails issuer validation; <see cref="SignInTokenValidation"/> checks
/// tid, oid and access on top.
/// </summary>
public sealed class TenantOidcOptionsSetup(
    TenantOidcSchemes schemes,
    IOptions<SignInOptions> signIn,
    IHostEnvironment environment) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || schemes.SettingsFor(name) is not { } tenant)
        {
            return;
        }

        EntraOidcDefaults.Apply(options, environment);
        var authority = new Uri(signIn.Value.Instance, $"{tenant.EntraTenantId:D}/v2.0").ToString();
        options.Authority = authority;
        options.ClientId = tenant.ClientId;
        options.ClientSecret = tenant.ClientSecret;
        options.CallbackPath = $"/signin-oidc/{tenant.TenantId}";
        options.SignedOutCallbackPath = $"/signout-callback-oidc/{tenant.TenantId}";
        options.TokenValidationParameters.ValidAudience = tenant.ClientId;

        // For a single tenant's v2.0 authority the issuer is the authority itself.
        options.TokenValidationParameters.ValidIssuer = authority;
        options.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = LoginHint.ApplyAsync,
            OnTokenValidated = SignInTokenValidation.OnTokenValidatedAsync,
            OnRemoteFailure = SignInTokenValidation.OnRemoteFailureAsync,
        };
    }
}
