using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Total.Api.SignIn;

/// <summary>
/// What every console sign-in scheme shares, a tenant's own (<see cref="TenantOidcOptionsSetup"/>) or TOTAL's shared
/// app (<see cref="VendorOidcOptionsSetup"/>): the authorization code flow with PKCE, our own session afterwards,
/// no tokens kept.
/// </summary>
public static class EntraOidcDefaults
{
    public static void Apply(OpenIdConnectOptions options, IHostEnvironment environment)
    {
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
        options.SignInScheme = ConsoleSession.Scheme;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.TokenValidationParameters.NameClaimType = "name";
        options.TokenValidationParameters.ValidateIssuer = true;
    }
}
