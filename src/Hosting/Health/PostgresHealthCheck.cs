using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Total.Hosting.Silos;

namespace Total.Hosting.Health;

/// <summary>Healthy when PostgreSQL answers a trivial query within a few seconds.</summary>
public sealed class PostgresHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = new NpgsqlConnection(TotalModes.ConnectionString(configuration));
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("database answers");
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // The message can name the host but never holds the password; keep only the type to be sure.
            return HealthCheckResult.Unhealthy("database unreachable: " + exception.GetType().Name);
        }
    }
}
