using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Where a browser reaches the pages it visits (authorize, logout): the app's own plain-HTTP address, so a
/// newcomer's browser never meets the stand-in's self-signed certificate. Back-channel calls (metadata, keys,
/// tokens) stay on HTTPS, which Microsoft.Identity.Web requires.
/// </summary>
internal static class BrowserAddress
{
    /// <summary>The first bound <c>http://</c> address with a wildcard host turned into localhost; the HTTPS instance when there is none.</summary>
    public static string For(IServer server, EntraStandIn standIn)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                // Uri.Host keeps the brackets of an IPv6 literal, so it can go back into a URL as it is.
                var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
                return $"http://{host}:{uri.Port}/";
            }
        }

        return standIn.Instance.ToString();
    }
}
