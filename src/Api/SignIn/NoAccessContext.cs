using Microsoft.AspNetCore.DataProtection;

namespace Total.Api.SignIn;

/// <summary>
/// Proof, in a short-lived encrypted cookie, that the person on the "no access" page really signed in to a
/// tenant (their token's tid matched) or had a session there. Only then does the page name the tenant's admin
/// groups and current admins; a hand-made <c>/no-access?tenant=</c> link learns nothing.
/// </summary>
public static class NoAccessContext
{
    private const string CookieName = "total-no-access";
    private const string Purpose = "Total.Api.SignIn.NoAccessContext";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static void Issue(HttpContext context, string tenantId)
    {
        var protector = Protector(context).ToTimeLimitedDataProtector();
        context.Response.Cookies.Append(CookieName, protector.Protect(tenantId, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            Path = "/no-access",
        });
    }

    /// <summary>The tenant the visitor proved they belong to, or null.</summary>
    public static string? VerifiedTenant(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || value.Length > 1024)
        {
            return null;
        }

        try
        {
            return Protector(context).ToTimeLimitedDataProtector().Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
