using Orleans.Concurrency;
using Total.Grains.Abstractions.Health;

namespace Total.Grains.Health;

/// <inheritdoc cref="IHealthProbeGrain"/>
[StatelessWorker]
public sealed class HealthProbeGrain(TimeProvider time) : Grain, IHealthProbeGrain
{
    public Task<DateTimeOffset> PingAsync() => Task.FromResult(time.GetUtcNow());
}
