using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Single-use authorization codes, valid five minutes, kept in this process's memory (the stand-in is one
/// process in Development: codes issued here are redeemed here). A redeemed code is remembered until it
/// would have expired, so reuse is reported as reuse, as Entra does.
/// </summary>
internal sealed class AuthorizationCodes(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _codes = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    public string Issue(Func<DateTimeOffset, AuthorizationGrant> grant)
    {
        var now = time.GetUtcNow();
        foreach (var (code, entry) in _codes)
        {
            if (entry.Grant.ExpiresAt < now)
            {
                _codes.TryRemove(code, out _);
            }
        }

        var newCode = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[newCode] = new Entry(grant(now + Lifetime));
        return newCode;
    }

    public (AuthorizationGrant? Grant, CodeRedemption Outcome) Redeem(string code)
    {
        if (!_codes.TryGetValue(code, out var entry))
        {
            return (null, CodeRedemption.Unknown);
        }

        if (!entry.TryClaim())
        {
            return (null, CodeRedemption.AlreadyRedeemed);
        }

        return entry.Grant.ExpiresAt < time.GetUtcNow() ? (null, CodeRedemption.Expired) : (entry.Grant, CodeRedemption.Redeemed);
    }

    private sealed class Entry(AuthorizationGrant grant)
    {
        private int _redeemed;

        public AuthorizationGrant Grant { get; } = grant;

        /// <summary>True for the first caller only, so two concurrent redemptions cannot both win.</summary>
        public bool TryClaim() => Interlocked.Exchange(ref _redeemed, 1) == 0;
    }
}
