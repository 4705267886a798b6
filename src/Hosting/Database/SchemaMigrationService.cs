using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Total.Hosting.Database;

/// <summary>
/// Applies migrations while the host is starting, before the silo or client starts
/// (<see cref="IHostedLifecycleService.StartingAsync"/> runs before any hosted service's StartAsync), unless
/// <see cref="DatabaseOptions.ApplyMigrationsOnStart"/> leaves them to the migration Job.
/// </summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator, IOptions<DatabaseOptions> options, string connectionString) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        options.Value.ApplyMigrationsOnStart ? migrator.MigrateAsync(connectionString, cancellationToken) : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
