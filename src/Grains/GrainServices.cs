using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Total.Grains.Abstractions;
using Total.Grains.Abstractions.Graph;
using Total.Grains.Access;
using Total.Grains.Access.Storage;
using Total.Grains.Directory;
using Total.Grains.Directory.Storage;
using Total.Grains.Graph;
using Total.Grains.Reconciliation;
using Total.Grains.Secrets;
using Total.Grains.Storage;
using Total.Grains.Tenants.Storage;
using Total.Scim;

namespace Total.Grains;

/// <summary>The services TOTAL's grains depend on, for a silo of any mode (and for grain tests).</summary>
public static class GrainServices
{
    /// <param name="connectionString">PostgreSQL; null keeps everything in memory (embedded mode).</param>
    public static IServiceCollection AddTotalGrainServices(this IServiceCollection services, IConfiguration configuration, string? connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSecretProtection(configuration, allowEphemeralKey: connectionString is null);
        services.AddEntraGroupReader(configuration);
        services.AddVendorApp(configuration);
        services.AddMetrics();
        services.TryAddSingleton<AccessMetrics>();
        services.TryAddSingleton<AdminAccessPreview>();
        services.AddValidatedOptions<ReconciliationOptions, ReconciliationOptionsValidator>(configuration, ReconciliationOptions.Section);
        services.AddScimLimits(configuration);

        if (connectionString is null)
        {
            services.AddSingleton<InMemoryScimStore>();
            services.AddSingleton<IScimResourceStore>(sp => sp.GetRequiredService<InMemoryScimStore>());
            services.AddSingleton<IGroupMemberStore>(sp => sp.GetRequiredService<InMemoryScimStore>());
            services.AddSingleton<IAccessStore, InMemoryAccessStore>();
            services.AddSingleton<ITenantCatalog, InMemoryTenantCatalog>();
        }
        else
        {
            services.AddPostgresDataSource(connectionString);
            services.AddSingleton<IScimResourceStore, PostgresScimResourceStore>();
            services.AddSingleton<IGroupMemberStore, PostgresGroupMemberStore>();
            services.AddSingleton<IAccessStore, PostgresAccessStore>();
            services.AddSingleton<ITenantCatalog, PostgresTenantCatalog>();
        }

        return services;
    }

    /// <summary>
    /// The key ring for customer secrets. Without a configured key, an in-memory one when
    /// <paramref name="allowEphemeralKey"/> (embedded mode), else none: secrets are then refused.
    /// </summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration, bool allowEphemeralKey)
    {
        services.AddValidatedOptions<SecretProtectionOptions, SecretProtectionOptionsValidator>(configuration, SecretProtectionOptions.Section);
        services.TryAddSingleton(sp => new SecretProtector(
            sp.GetRequiredService<IOptions<SecretProtectionOptions>>(),
            sp.GetRequiredService<ILogger<SecretProtector>>(),
            allowEphemeralKey));
        return services;
    }

    /// <summary>
    /// The Microsoft Graph reader (<see cref="IEntraGroupReader"/>) with its <see cref="GraphOptions"/> (section
    /// <c>Graph</c>, checked on start, after any post-configuration such as a development stand-in's)
    /// and the named HTTP client <see cref="GraphOptions.HttpClientName"/> a host can give another handler.
    /// </summary>
    public static IServiceCollection AddEntraGroupReader(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<GraphOptions, GraphOptionsValidator, GraphOptionsRulesValidator>(configuration, GraphOptions.Section);
        services.AddHttpClient(GraphOptions.HttpClientName);
        services.TryAddSingleton<GraphCredentialCache>();
        services.TryAddSingleton<GraphSessions>();
        services.TryAddSingleton<IEntraGroupReader, EntraGroupReader>();
        return services;
    }

    /// <summary>One PostgreSQL connection pool per process, shared by the stores and the web tier.</summary>
    public static IServiceCollection AddPostgresDataSource(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ => PostgresDataSource.Create(connectionString));
        return services;
    }
}
