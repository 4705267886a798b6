using Microsoft.Extensions.DependencyInjection.Extensions;
using Total.Api.Scim.RateLimiting;
using Total.Grains.Abstractions;
using Total.Scim.Errors;

namespace Total.Api.Scim;

/// <summary>The SCIM 2.0 service under each tenant's base URL, <c>/scim/v2/{tenantId}</c>.</summary>
public static class ScimApi
{
    public static IServiceCollection AddScimApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ScimOptions, ScimOptionsValidator, ScimOptionsRulesValidator>(configuration, ScimOptions.Section);
        services.AddScimLimits(configuration);
        services.AddSingleton<ScimBaseUrl>();
        services.AddSingleton<ScimTokenCache>();
        services.AddSingleton<RefusedTokenLog>();
        services.AddSingleton<ScimTokenRotation>();
        services.AddSingleton<ScimRequestBody>();
        services.AddSingleton<ScimResourceRenderer>();
        services.AddSingleton<ProvisioningLogBuffer>();
        services.AddHostedService(sp => sp.GetRequiredService<ProvisioningLogBuffer>());
        services.AddValidatedOptions<ScimRateLimitOptions, ScimRateLimitOptionsValidator>(configuration, ScimRateLimitOptions.Section);
        services.AddSingleton<TenantRateLimiter>();
        services.AddSingleton<ScimMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder endpoints)
    {
        var scim = endpoints.MapGroup(ScimBaseUrl.RoutePrefix + "/{tenantId}")
            .AddEndpointFilter<ScimMetricsFilter>()
            .AddEndpointFilter<ScimFailureFilter>()
            .AddEndpointFilter<ScimAuthenticationFilter>()
            .AddEndpointFilter<ScimCallLogFilter>()
            .AddEndpointFilter<ScimRateLimitFilter>()
            .AddEndpointFilter<ScimExceptionFilter>()
            .WithTags("SCIM");
        scim.MapScimDiscovery();
        scim.MapScimResource(ScimResourceKind.Users);
        scim.MapScimResource(ScimResourceKind.Groups);
        scim.MapScimBulk();
        scim.Map("/{**rest}", (string? rest) =>
            ScimResults.Error(ScimException.NotFound($"There is no SCIM endpoint '/{rest}' here; the endpoints are /Users, /Groups, /ServiceProviderConfig, /ResourceTypes and /Schemas.")));
        return endpoints;
    }
}
