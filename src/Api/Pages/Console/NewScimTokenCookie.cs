using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.Console;

/// <summary>
/// Carries a just-issued Secret Token across the redirect after "Generate new Secret Token" (Post/Redirect/Get), so
/// that reloading the page shows it or nothing, and never posts the rotation again. The cookie is encrypted with Data
/// Protection for this tenant and admin, expires in <see cref="Lifetime"/>, is sent only to the Settings page and is
/// deleted as the token is shown. The token is never in a URL, and cookies are never logged.
/// </summary>
public static class NewScimTokenCookie
{
    public const string Path = "/console/settings";

    private const string CookieName = "total-new-scim-token";
    private const string Purpose = "Total.Api.Pages.Console.NewScimTokenCookie";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public static void Issue(HttpContext context, string tenantId, string userId, ScimTokenIssue issue)
    {
        var protector = Protector(context, tenantId, userId).ToTimeLimitedDataProtector();
        var options = Options(context);
        options.MaxAge = Lifetime;
        context.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(issue), Lifetime), options);
    }

    /// <summary>The token issued to this admin moments ago, once: the cookie is deleted with this response.</summary>
    public static ScimTokenIssue? Take(HttpContext context, string tenantId, string userId)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, Options(context));
        if (value.Length > 4096)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ScimTokenIssue>(Protector(context, tenantId, userId).ToTimeLimitedDataProtector().Unprotect(value));
        }
        catch (CryptographicException)
        {
            // Expired, or issued to another tenant's or admin's session: nothing to show.
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,

        // As the console session's own cookie: Secure outside Development, whatever a proxy in front says.
        Secure = context.Request.IsHttps || !context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment(),
        SameSite = SameSiteMode.Strict,
        Path = Path,
    };

    private static IDataProtector Protector(HttpContext context, string tenantId, string userId) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose, tenantId, userId);
}
