using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Total.Hosting.Health;

/// <summary>Unhealthy once the host is stopping, so readiness goes false before the server stops taking requests.</summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("shutting down")
            : HealthCheckResult.Healthy("serving"));
}
