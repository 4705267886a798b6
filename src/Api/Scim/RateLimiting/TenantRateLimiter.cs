using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Total.Api.Scim.RateLimiting;

/// <summary>A token bucket per tenant (System.Threading.RateLimiting), created on a tenant's first request.</summary>
public sealed class TenantRateLimiter : IAsyncDisposable
{
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

    public async ValueTask DisposeAsync()
    {
        if (_limiter is not null)
        {
            await _limiter.DisposeAsync();
        }
    }
}
