using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Total.Api.Scim.RateLimiting;

/// <summary>A token bucket per tenant (System.Threading.RateLimiting), created on a tenant's first request.</summary>
public sealed class TenantRateLimiter : IAsyncDisposable
{
    /// <summary>One warning per tenant per minute: a throttled tenant must not flood the log.</summary>
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _lastWarned = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<string>? _limiter;

    public TenantRateLimiter(IOptions<ScimRateLimitOptions> options)
    {
        var settings = options.Value;
        if (settings.RequestsPerSecond <= 0)
        {
            return;
        }

        _limiter = PartitionedRateLimiter.Create<string, string>(tenantId => RateLimitPartition.GetTokenBucketLimiter(tenantId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(settings.Burst, 1),
            TokensPerPeriod = settings.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>A lease to proceed, or the time to wait before retrying.</summary>
    public (bool Acquired, TimeSpan RetryAfter, IDisposable? Lease) TryAcquire(string tenantId)
    {
        if (_limiter is null)
        {
            return (true, TimeSpan.Zero, null);
        }

        var lease = _limiter.AttemptAcquire(tenantId);
        if (lease.IsAcquired)
        {
            return (true, TimeSpan.Zero, lease);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        lease.Dispose();
        return (false, retryAfter, null);
    }

    /// <summary>True when a rejection of <paramref name="tenantId"/> should be logged now.</summary>
    public bool ShouldWarn(string tenantId, DateTimeOffset now)
    {
        if (_lastWarned.TryGetValue(tenantId, out var last) && now - last < WarningInterval)
        {
            return false;
        }

        _lastWarned[tenantId] = now;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_limiter is not null)
        {
            await _limiter.DisposeAsync();
        }
    }
}
