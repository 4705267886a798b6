using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        services.AddOptions<ScimLimitsOptions>()
            .Bind(configuration.GetSection(ScimLimitsOptions.Section))
            .Validate(options => options.IsValid, "Scim:Limits: every limit must be a positive number, and MaxJsonDepth at most 256.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// TOTAL's own multi-tenant app (<see cref="VendorAppOptions"/>, section <c>AzureAd</c>), checked at start: the
    /// silos read Graph with it, the API signs in with it, so both register it.
    /// </summary>
    public static IServiceCollection AddVendorApp(this IServiceCollection services, IConfiguration configuration)
    {
        // A co-hosting API registers it twice (its sign-in and its silo's grains): bind and check it once.
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<VendorAppOptions>)))
        {
            return services;
        }

        services.AddOptions<VendorAppOptions>()
            .Bind(configuration.GetSection(VendorAppOptions.Section))
            .Validate(
                options => string.IsNullOrWhiteSpace(options.ClientId) == string.IsNullOrWhiteSpace(options.ClientSecret),
                "AzureAd:ClientId and AzureAd:ClientSecret go together: set both to offer TOTAL's shared app to customers without their own app registration, or neither.")
            .Validate(options => string.IsNullOrWhiteSpace(options.Instance) || IsHttpsUrl(options.Instance), "AzureAd:Instance must be an absolute https URL, e.g. https://login.microsoftonline.com/ (or unset: SignIn:Instance).")
            .Validate(
                options => options.TenantId.Equals("organizations", StringComparison.OrdinalIgnoreCase) || options.TenantId.Equals("common", StringComparison.OrdinalIgnoreCase),
                "AzureAd:TenantId must be 'organizations' (or 'common'): TOTAL's shared app signs in people of every customer's tenant.")
            .Validate(options => options.CallbackPath.StartsWith('/'), "AzureAd:CallbackPath must be a path starting with '/', e.g. /signin-oidc.")
            .ValidateOnStart();
        return services;
    }

    private static bool IsHttpsUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
