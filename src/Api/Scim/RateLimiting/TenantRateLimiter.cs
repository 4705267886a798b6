using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Total.Api.Scim.RateLimiting;

/// <summary>
/// Per tenant (System.Threading.RateLimiting), created on a tenant's first request: a cap on its requests in
/// flight, then a token bucket. The in-flight slot is the lease held for the request; the slot is taken first so a
/// refused request never spends a token.
/// </summary>
public sealed class TenantRateLimiter : IAsyncDisposable
{
    /// <summary>One warning per tenant per minute: a throttled tenant must not flood the log.</summary>
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    /// <summary>A slot frees as soon as one of the tenant's requests ends; a second is a fair hint.</summary>
    private static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _lastWarned = new(StringComparer.Ordinal);
    private readonly ScimRateLimitOptions _settings;
    private readonly PartitionedRateLimiter<string>? _inFlight;
    private readonly PartitionedRateLimiter<string>? _rate;

    public TenantRateLimiter(IOptions<ScimRateLimitOptions> options)
    {
        _settings = options.Value;
        if (_settings.MaxConcurrentRequests > 0)
        {
            _inFlight = PartitionedRateLimiter.Create<string, string>(tenantId => RateLimitPartition.GetConcurrencyLimiter(tenantId, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = _settings.MaxConcurrentRequests,
                QueueLimit = 0,
            }));
        }

        if (_settings.RequestsPerSecond > 0)
        {
            _rate = PartitionedRateLimiter.Create<string, string>(tenantId => RateLimitPartition.GetTokenBucketLimiter(tenantId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = _settings.Burst,
                TokensPerPeriod = _settings.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }
    }

    /// <summary>A lease to hold while the request runs, or the time to wait before retrying and which limit refused.</summary>
    public (bool Acquired, TimeSpan RetryAfter, IDisposable? Lease, string? Refusal) TryAcquire(string tenantId)
    {
        RateLimitLease? slot = null;
        if (_inFlight is not null)
        {
            slot = _inFlight.AttemptAcquire(tenantId);
            if (!slot.IsAcquired)
            {
                slot.Dispose();
                return (false, ConcurrencyRetryAfter, null, $"more than {_settings.MaxConcurrentRequests.ToString(CultureInfo.InvariantCulture)} requests at once");
            }
        }

        if (_rate is null)
        {
            return (true, TimeSpan.Zero, slot, null);
        }

        // A token is spent whether or not its lease is held, so only the slot is kept for the request.
        using var token = _rate.AttemptAcquire(tenantId);
        if (token.IsAcquired)
        {
            return (true, TimeSpan.Zero, slot, null);
        }

        slot?.Dispose();
        var retryAfter = token.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return (false, retryAfter, null, $"more than {_settings.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)} requests per second");
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
        if (_inFlight is not null)
        {
            await _inFlight.DisposeAsync();
        }

        if (_rate is not null)
        {
            await _rate.DisposeAsync();
        }
    }
}
