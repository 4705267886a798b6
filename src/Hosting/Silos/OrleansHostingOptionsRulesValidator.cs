using System.Net;
using Microsoft.Extensions.Options;

namespace Total.Hosting.Silos;

/// <summary>What annotations cannot say about <see cref="OrleansHostingOptions"/>: the one mode, an IP address, two distinct ports.</summary>
public sealed class OrleansHostingOptionsRulesValidator : IValidateOptions<OrleansHostingOptions>
{
    private const string Section = OrleansHostingOptions.Section;

    public ValidateOptionsResult Validate(string? name, OrleansHostingOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();

        // A misspelt mode would otherwise co-host a silo next to the cluster's own silos without a word.
        if (!string.IsNullOrEmpty(options.Mode) && !string.Equals(options.Mode, OrleansHostingOptions.ClientMode, StringComparison.OrdinalIgnoreCase))
        {
            failures.AddError($"{Section}:{nameof(options.Mode)} must be {OrleansHostingOptions.ClientMode} (the API as a client of the silos, cluster mode) or unset (a co-hosted silo), not '{options.Mode}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.AdvertisedIPAddress) && !IPAddress.TryParse(options.AdvertisedIPAddress, out _))
        {
            failures.AddError($"{Section}:{nameof(options.AdvertisedIPAddress)} must be an IP address, e.g. 10.1.2.3 (on Kubernetes the pod IP), not '{options.AdvertisedIPAddress}'.");
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.AddError($"{Section}:{nameof(options.SiloPort)} and {Section}:{nameof(options.GatewayPort)} must differ, e.g. 11111 and 30000.");
        }

        return failures.Build();
    }
}
