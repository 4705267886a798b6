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
    private static readonly TimeSpan FinalShipTimeout = TimeSpan.FromSeconds(5);

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

        // The last batch is acknowledged (bounded), so a co-hosted silo stopping next cannot drop it in flight.
        await Task.WhenAny(Task.WhenAll(Ship(acknowledged: true)), Task.Delay(FinalShipTimeout, CancellationToken.None));
    }

    private List<Task> Ship(bool acknowledged = false)
    {
        var sent = new List<Task>();
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

            var log = grains.GetGrain<IProvisioningLogGrain>(tenantId);
            sent.Add(acknowledged ? ShipAcknowledgedAsync(log, batch, tenantId) : ShipOneWay(log, batch, tenantId));
        }

        return sent;
    }

    private Task ShipOneWay(IProvisioningLogGrain log, List<ProvisioningCall> batch, string tenantId)
    {
        try
        {
            _ = log.RecordAsync(batch);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLost(exception, batch, tenantId);
        }

        return Task.CompletedTask;
    }

    private async Task ShipAcknowledgedAsync(IProvisioningLogGrain log, List<ProvisioningCall> batch, string tenantId)
    {
        try
        {
            await log.RecordAcknowledgedAsync(batch);
        }
        catch (Exception exception)
        {
            LogLost(exception, batch, tenantId);
        }
    }

    private void LogLost(Exception exception, List<ProvisioningCall> batch, string tenantId) =>
        logger.LogWarning(exception, "Could not ship {Count} provisioning log lines of tenant {TenantId}", batch.Count, tenantId);
}
