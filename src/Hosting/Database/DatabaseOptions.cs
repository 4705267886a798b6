using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Total.Hosting.Database;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply migrations on start (default). Production turns it off and runs the migration Job instead.</summary>
    public bool ApplyMigrationsOnStart { get; set; } = true;

    /// <summary>Registers the migrator, and the on-start migration when a connection string is set and it is not turned off.</summary>
    public static void AddSchemaMigrations(IServiceCollection services, IConfiguration configuration, string? connectionString)
    {
        services.AddSingleton<SchemaMigrator>();
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (connectionString is not null && options.ApplyMigrationsOnStart)
        {
            services.AddSingleton<IHostedService>(sp => new SchemaMigrationService(sp.GetRequiredService<SchemaMigrator>(), connectionString));
        }
    }

    /// <summary>
    /// <c>migrate</c> as the first argument: apply migrations and exit, for a Kubernetes Job or a deploy script.
    /// Returns the process exit code, or null when the arguments ask for something else.
    /// </summary>
    public static async Task<int?> RunMigrateCommandAsync(string[] args, IConfiguration configuration, ILoggerFactory loggerFactory)
    {
        if (args.Length == 0 || !string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var logger = loggerFactory.CreateLogger<SchemaMigrator>();
        var connectionString = Silos.TotalModes.ConnectionString(configuration);
        if (connectionString is null)
        {
            logger.LogError("migrate needs ConnectionStrings:Total (env ConnectionStrings__Total)");
            return 2;
        }

        var applied = await new SchemaMigrator(logger).MigrateAsync(connectionString, CancellationToken.None);
        logger.LogInformation("Migrations done: {AppliedCount} applied", applied.Count);
        return 0;
    }
}
