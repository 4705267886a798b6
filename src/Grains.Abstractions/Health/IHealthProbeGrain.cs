namespace Total.Grains.Abstractions.Health;

/// <summary>A stateless grain that answers at once: readiness probes use it to prove grain calls work.</summary>
[Alias("Total.HealthProbe")]
public interface IHealthProbeGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<DateTimeOffset> PingAsync();
}
