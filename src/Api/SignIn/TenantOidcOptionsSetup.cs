using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Total.Api.SignIn.StandIn;

namespace Total.Api.SignIn;

/// <summary>
/// Builds a tenant scheme's OpenID Connect options: authorization code flow with PKCE against the tenant's
/// own authority (<c>{instance}{entra tenant id}/v2.0</c>), so the metadata issuer is that one tenant's and
/// a token of any other tenant fails issuer validation; <see cref="SignInTokenValidation"/> checks tid, oid
/// and access on top.
/// </summary>
public sealed class TenantOidcOptionsSetup(
    TenantOidcSchemes schemes,
    IOptions<SignInOptions> signIn,
    EntraStandIn standIn,
    IHostEnvironment environment) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || schemes.SettingsFor(name) is not { } tenant)
        {
            return;
        }

        var instance = standIn.IsActive ? standIn.Instance : signIn.Value.Instance;
        var authority = new Uri(instance, $"{tenant.EntraTenantId:D}/v2.0").ToString();
        options.Authority = authority;
        options.ClientId = tenant.ClientId;
        options.ClientSecret = tenant.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;

        // The code comes back as a top-level GET (PKCE makes a code in a URL useless to anyone else), so the
        // correlation and nonce cookies can be SameSite=Lax instead of None, and work on plain-HTTP localhost.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.CorrelationCookie.SecurePolicy = secure;
        options.NonceCookie.SecurePolicy = secure;
        options.CallbackPath = $"/signin-oidc/{tenant.TenantId}";
        options.SignedOutCallbackPath = $"/signout-callback-oidc/{tenant.TenantId}";
        options.SignInScheme = ConsoleSession.Scheme;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.ValidAudience = tenant.ClientId;
        // For a single tenant's v2.0 authority the issuer is the authority itself.
        options.TokenValidationParameters.ValidIssuer = authority;
        options.TokenValidationParameters.ValidateIssuer = true;
        if (standIn.IsActive)
        {
            options.BackchannelHttpHandler = standIn.CreateBackchannelHandler();
        }

        options.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = LoginHint.ApplyAsync,
            OnTokenValidated = SignInTokenValidation.OnTokenValidatedAsync,
            OnRemoteFailure = SignInTokenValidation.OnRemoteFailureAsync,
        };
    }
}
