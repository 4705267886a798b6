using System.Collections.Concurrent;
using Total.Grains.Abstractions.Provisioning;

namespace Total.Api.Scim;

/// <summary>
/// Collects this process's SCIM calls per tenant and ships them to each tenant's log grain about once a second,
/// in one one-way message per tenant, instead of a grain message per call. Bounded: if a log grain cannot keep
/// up, the oldest unshipped lines of that tenant are dropped (the log is for people, provisioning never waits).
/// </summary>
public sealed class ProvisioningLogBuffer(IGrainFactory grains, ILogger<ProvisioningLogBuffer> logger) : BackgroundService
{
    private const int MaxPendingPerTenant = 2000;
    private static readonly TimeSpan ShipInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<ProvisioningCall>> _pending = new(StringComparer.Ordinal);

    public void Add(string tenantId, ProvisioningCall call)
    {
        var queue = _pending.GetOrAdd(tenantId, _ => new ConcurrentQueue<ProvisioningCall>());
        queue.Enqueue(call);
        while (queue.Count > MaxPendingPerTenant && queue.TryDequeue(out _))
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ShipInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Ship();
            }
        }
        catch (OperationCanceledException)
        {
        }

        Ship();
    }

    private void Ship()
    {
        foreach (var (tenantId, queue) in _pending)
        {
            var batch = new List<ProvisioningCall>(queue.Count);
            while (queue.TryDequeue(out var call))
            {
                batch.Add(call);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                _ = grains.GetGrain<IProvisioningLogGrain>(tenantId).RecordAsync(batch);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not ship {Count} provisioning log lines of tenant {TenantId}", batch.Count, tenantId);
            }
        }
    }
}
