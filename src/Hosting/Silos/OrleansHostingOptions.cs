using System.ComponentModel.DataAnnotations;
using Total.Scim;

namespace Total.Hosting.Silos;

/// <summary>The <c>Orleans</c> configuration section shared by the API and the silo host.</summary>
public sealed class OrleansHostingOptions
{
    public const string Section = "Orleans";

    /// <summary>The one value of <see cref="Mode"/>: the API as a pure Orleans client.</summary>
    public const string ClientMode = "Client";

    /// <summary><c>Client</c> makes the API a pure Orleans client (cluster mode); unset co-hosts a silo.</summary>
    public string? Mode { get; set; }

    [Required(ErrorMessage = $"{Section}:{nameof(ClusterId)} must not be empty, e.g. total.")]
    public string ClusterId { get; set; } = "total";

    /// <summary>Keys stored grain state and reminders: never change it for an existing database.</summary>
    [Required(ErrorMessage = $"{Section}:{nameof(ServiceId)} must not be empty, e.g. total (and never changed for an existing database).")]
    public string ServiceId { get; set; } = "total";

    [SettingRange(1, 65535, ErrorMessage = $"{Section}:{nameof(SiloPort)} must be a TCP port, {{1}} to {{2}}, e.g. 11111.")]
    public int SiloPort { get; set; } = 11111;

    [SettingRange(1, 65535, ErrorMessage = $"{Section}:{nameof(GatewayPort)} must be a TCP port, {{1}} to {{2}}, e.g. 30000.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on; on Kubernetes the pod IP (downward API).</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>The silo's name in membership; on Kubernetes the pod name.</summary>
    public string? SiloName { get; set; }
}
