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
        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.Section))
            .Validate(options => IsHttpsUrl(options.BaseUrl), "Graph:BaseUrl must be an absolute https URL, e.g. https://graph.microsoft.com/v1.0.")
            .Validate(options => IsHttpsUrl(options.AuthorityHost), "Graph:AuthorityHost must be an absolute https URL, e.g. https://login.microsoftonline.com/.")
            .Validate(options => !string.IsNullOrWhiteSpace(options.Scope), "Graph:Scope must not be empty; use https://graph.microsoft.com/.default.")
            .Validate(options => options.RequestTimeout > TimeSpan.Zero, "Graph:RequestTimeout must be positive.")
            .Validate(options => options.MaxRetries is >= 0 and <= 10, "Graph:MaxRetries must be 0 to 10.")
            .Validate(options => options.MaxRetryAfter >= TimeSpan.Zero, "Graph:MaxRetryAfter must not be negative.")
            .Validate(options => options.RetryDelay >= TimeSpan.Zero && options.RetryDelay <= TimeSpan.FromSeconds(180), "Graph:RetryDelay must be 0 to 180 seconds.")
            .Validate(options => options.MembersPageSize is >= 1 and <= 999, "Graph:MembersPageSize must be 1 to 999.")
            .Validate(options => options.DeltaMaxPageSize >= 0, "Graph:DeltaMaxPageSize must not be negative (0: let Graph choose).")
            .ValidateOnStart();
        services.AddHttpClient(GraphOptions.HttpClientName);
        services.TryAddSingleton<GraphCredentialCache>();
        services.TryAddSingleton<GraphSessions>();
        services.TryAddSingleton<IEntraGroupReader, EntraGroupReader>();
        return services;
    }

    private static bool IsHttpsUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>One PostgreSQL connection pool per process, shared by the stores and the web tier.</summary>
    public static IServiceCollection AddPostgresDataSource(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ => PostgresDataSource.Create(connectionString));
        return services;
    }
}
