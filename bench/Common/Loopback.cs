using System.Net;

namespace Total.Bench;

/// <summary>All benchmark traffic stays on this machine.</summary>
internal static class Loopback
{
    /// <summary>Refuses anything but a loopback address (127.0.0.1, ::1, localhost) over http(s).</summary>
    public static void Require(Uri url)
    {
        var host = url.IdnHost.Trim('[', ']');
        var loopback = url.Scheme is "http" or "https"
            && (IPAddress.TryParse(host, out var ip) ? IPAddress.IsLoopback(ip) : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase));
        if (!loopback)
        {
            throw new ArgumentException($"Refusing to send traffic to '{url}': only 127.0.0.1 / ::1 / localhost are allowed.");
        }
    }
}
