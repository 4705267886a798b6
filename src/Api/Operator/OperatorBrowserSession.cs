using Microsoft.AspNetCore.DataProtection;

namespace Total.Api.Operator;

/// <summary>
/// Lets an operator use the Orleans dashboard in a browser, which cannot send a bearer header: after the key is
/// entered at <c>/operator/signin</c>, a short-lived encrypted cookie, scoped to <c>/operator</c>, stands in for it.
/// The cookie holds no key, only an expiry sealed with Data Protection. It authenticates reads only (GET, HEAD: all the
/// dashboard sends): a browser attaches it to whatever a page makes it send, forms included, so every write through the
/// operator API needs the key in the <c>Authorization</c> header, which no form can set.
/// </summary>
public static class OperatorBrowserSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const string Purpose = "Total.Api.Operator.OperatorBrowserSession";
    private const string Marker = "operator";

    public static string CookieName(HttpContext context) => context.Request.IsHttps ? "__Secure-total-operator" : "total-operator";

    public static void Issue(HttpContext context) =>
        context.Response.Cookies.Append(CookieName(context), Protector(context).Protect(Marker, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/operator",
            MaxAge = Lifetime,
        });

    /// <summary>True when the request is a read carrying a session cookie this server issued and that has not expired.</summary>
    public static bool Authenticates(HttpContext context)
    {
        if (!IsRead(context.Request.Method) || !context.Request.Cookies.TryGetValue(CookieName(context), out var value) || value.Length > 2048)
        {
            return false;
        }

        try
        {
            return Protector(context).Unprotect(value) == Marker;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    private static ITimeLimitedDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
