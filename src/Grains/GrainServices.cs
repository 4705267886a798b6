using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Total.Grains.Directory.Storage;
using Total.Grains.Secrets;

namespace Total.Grains;

/// <summary>The services TOTAL's grains depend on, for a silo of any mode (and for grain tests).</summary>
public static class GrainServices
{
    /// <param name="connectionString">PostgreSQL; null keeps everything in memory (embedded mode).</param>
    public static IServiceCollection AddTotalGrainServices(this IServiceCollection services, IConfiguration configuration, string? connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSecretProtection(configuration, allowEphemeralKey: connectionString is null);

        if (connectionString is null)
        {
            services.AddSingleton<InMemoryScimStore>();
            services.AddSingleton<IScimResourceStore>(sp => sp.GetRequiredService<InMemoryScimStore>());
            services.AddSingleton<IGroupMemberStore>(sp => sp.GetRequiredService<InMemoryScimStore>());
        }
        else
        {
            services.AddPostgresDataSource(connectionString);
            services.AddSingleton<IScimResourceStore, PostgresScimResourceStore>();
            services.AddSingleton<IGroupMemberStore, PostgresGroupMemberStore>();
        }

        return services;
    }

    /// <summary>
    /// The key ring for customer secrets. Without a configured key, an in-memory one when
    /// <paramref name="allowEphemeralKey"/> (embedded mode), else none: secrets are then refused.
    /// </summary>
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration, bool allowEphemeralKey)
    {
        services.AddOptions<SecretProtectionOptions>().Bind(configuration.GetSection(SecretProtectionOptions.Section));
        services.TryAddSingleton(sp => new SecretProtector(
            sp.GetRequiredService<IOptions<SecretProtectionOptions>>(),
            sp.GetRequiredService<ILogger<SecretProtector>>(),
            allowEphemeralKey));
        return services;
    }

    /// <summary>One PostgreSQL connection pool per process, shared by the stores and the web tier.</summary>
    public static IServiceCollection AddPostgresDataSource(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        return services;
    }
}
