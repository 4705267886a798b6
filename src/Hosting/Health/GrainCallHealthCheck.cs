using Microsoft.Extensions.Diagnostics.HealthChecks;
using Total.Grains.Abstractions.Health;

namespace Total.Hosting.Health;

/// <summary>Healthy when a grain call round-trips: the same path every SCIM call takes.</summary>
public sealed class GrainCallHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IHealthProbeGrain>(0).PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("grain calls answer");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("grain calls fail: " + exception.GetType().Name);
        }
    }
}
