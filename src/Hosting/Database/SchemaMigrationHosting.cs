namespace Total.Hosting.Database;

/// <summary>The schema migrations of a host: on start (unless <see cref="DatabaseOptions.ApplyMigrationsOnStart"/> is off) or as the <c>migrate</c> command.</summary>
public static class SchemaMigrationHosting
{
    /// <summary>Registers the migrator, and the on-start migration when a connection string is set.</summary>
    public static IServiceCollection AddSchemaMigrations(this IServiceCollection services, IConfiguration configuration, string? connectionString)
    {
        services.AddSingleton<SchemaMigrator>();

        // One switch, nothing to range-check: the binder itself refuses a value that is not true or false, at start.
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        if (connectionString is not null)
        {
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<SchemaMigrationService>(sp, connectionString));
        }

        return services;
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
