using Microsoft.AspNetCore.Antiforgery;

namespace Total.Api.SignIn;

/// <summary>
/// The anti-forgery cookie every form (console, sign-in, operator sign-in) is checked against. Outside Development it
/// is <c>__Host-</c> and Secure, as the session cookie is: a <c>__Host-</c> cookie cannot be set by a sibling domain or
/// over plain HTTP, so nobody can plant a token of their own. Forms then need HTTPS, directly or through the
/// ingress's <c>X-Forwarded-Proto</c>.
/// </summary>
public static class ConsoleAntiforgery
{
    public static void Configure(AntiforgeryOptions options, bool development)
    {
        options.Cookie.Name = development ? "total-antiforgery" : "__Host-total-antiforgery";
        options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.Path = "/";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
    }
}
