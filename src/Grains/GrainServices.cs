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
        services.AddOptions<SecretProtectionOptions>().Bind(configuration.GetSection(SecretProtectionOptions.Section));
        services.TryAddSingleton(sp => new SecretProtector(
            sp.GetRequiredService<IOptions<SecretProtectionOptions>>(),
            sp.GetRequiredService<ILogger<SecretProtector>>(),
            allowEphemeralKey: connectionString is null));

        if (connectionString is null)
        {
            services.AddSingleton<InMemoryScimStore>();
            services.AddSingleton<IScimResourceStore>(sp => sp.GetRequiredService<InMemoryScimStore>());
            services.AddSingleton<IGroupMemberStore>(sp => sp.GetRequiredService<InMemoryScimStore>());
        }
        else
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.AddSingleton<IScimResourceStore, PostgresScimResourceStore>();
            services.AddSingleton<IGroupMemberStore, PostgresGroupMemberStore>();
        }

        return services;
    }
}
