using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Binds the configured URLs (<c>urls</c>/<c>ASPNETCORE_URLS</c>/<c>--urls</c>, else <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c>)
/// as explicit Kestrel endpoints. Needed because as soon as any endpoint is added in code, Kestrel binds only
/// the code endpoints and ignores the URLs ("Overriding address(es) …" in its log): adding the stand-in's
/// HTTPS endpoint alone would silently take the product's HTTP address away.
/// </summary>
internal static class ConfiguredUrlEndpoints
{
    /// <summary>Kestrel's own default when nothing is configured.</summary>
    private const string KestrelDefaultUrl = "http://localhost:5000";

    public static void ListenOn(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        // Endpoints from the Kestrel section win over URLs in Kestrel itself; they still bind beside ours.
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            return;
        }

        foreach (var url in Urls(configuration))
        {
            Listen(kestrel, BindingAddress.Parse(url));
        }
    }

    /// <summary>The URLs the web host would hand to Kestrel, in the same order of precedence.</summary>
    internal static IReadOnlyList<string> Urls(IConfiguration configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return Split(urls);
        }

        var ports = Split(configuration[WebHostDefaults.HttpPortsKey]).Select(port => $"http://*:{port}")
            .Concat(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(port => $"https://*:{port}"))
            .ToList();
        return ports.Count > 0 ? ports : [KestrelDefaultUrl];
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The same mapping Kestrel applies to a URL: localhost → both loopbacks, an IP → that IP, any other host → all interfaces.</summary>
    private static void Listen(KestrelServerOptions kestrel, BindingAddress address)
    {
        if (!string.IsNullOrEmpty(address.PathBase) && address.PathBase != "/")
        {
            throw new InvalidOperationException($"The URL '{address}' has a path; Kestrel URLs cannot carry one (use UsePathBase).");
        }

        var https = string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);
        void Configure(ListenOptions listen)
        {
            if (https)
            {
                // The default certificate (Kestrel:Certificates:Default or the ASP.NET Core development certificate), as for a URL.
                listen.UseHttps();
            }
        }

        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath, Configure);
        }
        else if (address.IsNamedPipe)
        {
            kestrel.ListenNamedPipe(address.NamedPipeName, Configure);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
    }
}
