using System.Net;
using Microsoft.Extensions.Configuration;

namespace Total.Hosting.Silos;

/// <summary>The <c>Orleans</c> configuration section shared by the API and the silo host.</summary>
public sealed class OrleansHostingOptions
{
    public const string Section = "Orleans";

    /// <summary><c>Client</c> makes the API a pure Orleans client (cluster mode); anything else co-hosts a silo.</summary>
    public string? Mode { get; set; }

    public string ClusterId { get; set; } = "total";

    /// <summary>Keys stored grain state and reminders: never change it for an existing database.</summary>
    public string ServiceId { get; set; } = "total";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on; on Kubernetes the pod IP (downward API).</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>The silo's name in membership; on Kubernetes the pod name.</summary>
    public string? SiloName { get; set; }

    public static OrleansHostingOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<OrleansHostingOptions>() ?? new OrleansHostingOptions();

    public IPAddress? AdvertisedAddress()
    {
        if (string.IsNullOrWhiteSpace(AdvertisedIPAddress))
        {
            return null;
        }

        return IPAddress.TryParse(AdvertisedIPAddress, out var address)
            ? address
            : throw new InvalidOperationException($"Orleans:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address.");
    }
}
