using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;
using Total.Grains;
using Total.Grains.Secrets;
using Total.Hosting.Silos;

namespace Total.Hosting.DataProtection;

/// <summary>
/// Data Protection for the web tier: in PostgreSQL modes a key ring shared through the database and encrypted
/// with the master key; in embedded mode an in-memory ring (sessions end with the process, like the data).
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "total";

    public static IServiceCollection AddTotalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        var connectionString = TotalModes.ConnectionString(configuration);
        if (connectionString is null)
        {
            builder.UseEphemeralDataProtectionProvider();
            return services;
        }

        services.AddSecretProtection(configuration, allowEphemeralKey: false);
        services.AddPostgresDataSource(connectionString);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            options.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>());
            var protector = sp.GetRequiredService<SecretProtector>();
            if (protector.CanProtect)
            {
                options.XmlEncryptor = new MasterKeyXmlEncryptor(protector);
            }
            else
            {
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataProtectionSetup))
                    .LogWarning("Secrets:EncryptionKey is not set: the console's session keys are stored in PostgreSQL unencrypted. Set it in production.");
            }
        });
        return services;
    }
}
