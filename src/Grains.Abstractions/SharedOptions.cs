using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Total.Grains.Abstractions.Graph;
using Total.Scim;

namespace Total.Grains.Abstractions;

/// <summary>
/// Options the front end and the grains both read, registered and checked the same way by each process that hosts
/// either (a co-hosting API registers them once).
/// </summary>
public static class SharedOptions
{
    /// <summary>The <see cref="ScimLimitsOptions"/> (section <c>Scim:Limits</c>), checked at start; the API registers them too.</summary>
    public static IServiceCollection AddScimLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ScimLimitsOptions, ScimLimitsOptionsValidator>(configuration, ScimLimitsOptions.Section);
        return services;
    }

    /// <summary>
    /// TOTAL's own multi-tenant app (<see cref="VendorAppOptions"/>, section <c>AzureAd</c>), checked at start: the
    /// silos read Graph with it, the API signs in with it, so both register it.
    /// </summary>
    public static IServiceCollection AddVendorApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<VendorAppOptions, VendorAppOptionsValidator>(configuration, VendorAppOptions.Section);
        return services;
    }
}
