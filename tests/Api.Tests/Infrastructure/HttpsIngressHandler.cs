using System.Net;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// A browser reaching TOTAL through its TLS-terminating ingress, as production runs: each request says
/// <c>X-Forwarded-Proto: https</c>, and cookies are kept for the https site, so Secure and <c>__Host-</c> cookies go back
/// although the hop to the test server is plain HTTP on loopback.
/// </summary>
public sealed class HttpsIngressHandler(CookieContainer cookies) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var site = AsHttps(request.RequestUri!);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookies.GetCookieHeader(site) is { Length: > 0 } cookieHeader)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                cookies.SetCookies(site, setCookie);
            }
        }

        return response;
    }

    private static Uri AsHttps(Uri uri) => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.Port }.Uri;
}
