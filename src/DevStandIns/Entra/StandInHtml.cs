using System.Security.Cryptography;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Sends a stand-in page with headers that keep it to itself: never cached (it carries codes), never framed,
/// no referrer (codes travel in URLs), and only its own nonce-tagged style and script run.
/// </summary>
internal static class StandInHtml
{
    public static IResult Page(HttpContext context, int statusCode, Func<string, string> render)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; base-uri 'none'; frame-ancestors 'none'";
        return Results.Content(render(nonce), "text/html; charset=utf-8", statusCode: statusCode);
    }
}
