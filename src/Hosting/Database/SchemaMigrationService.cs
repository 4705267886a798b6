using Microsoft.Extensions.Hosting;

namespace Total.Hosting.Database;

/// <summary>
/// Applies migrations while the host is starting, before the silo or client starts
/// (<see cref="IHostedLifecycleService.StartingAsync"/> runs before any hosted service's StartAsync).
/// </summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator, string connectionString) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(connectionString, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
