using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>
/// A token bucket per client for the generic sign-in page's look-ups (System.Threading.RateLimiting, as SCIM's
/// per-tenant limit), so one client cannot make TOTAL ask Entra about domain after domain. A client is its IP address
/// (behind the ingress: the forwarded one, see deploy/README.md), an IPv6 client its /64, which one host usually owns whole.
/// Idle buckets are dropped by the limiter itself, so the partitions stay at the clients active in the last seconds.
/// </summary>
public sealed class GenericSignInRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string>? _rate;

    public GenericSignInRateLimiter(IOptions<GenericSignInOptions> options)
    {
        var settings = options.Value;
        if (settings.LookupsPerMinute > 0)
        {
            _rate = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.Burst,
                TokensPerPeriod = settings.LookupsPerMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }
    }

    /// <summary>Whether <paramref name="client"/> may look up a domain now; if not, how long to wait.</summary>
    public (bool Acquired, TimeSpan RetryAfter) TryAcquire(IPAddress? client)
    {
        if (_rate is null)
        {
            return (true, TimeSpan.Zero);
        }

        using var lease = _rate.AttemptAcquire(ClientKey(client));
        return lease.IsAcquired
            ? (true, TimeSpan.Zero)
            : (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
    }

    private static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public async ValueTask DisposeAsync()
    {
        if (_rate is not null)
        {
            await _rate.DisposeAsync();
        }
    }
}
