using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Total.Api.Operator;

/// <summary>
/// Holds the operator key (and, during a rotation, the previous one) as hashes and checks presented keys in
/// constant time. In Development an unset key is generated and logged once so a newcomer can use the API;
/// elsewhere an unset key locks the API.
/// </summary>
public sealed class OperatorKey
{
    private readonly byte[]? _hash;
    private readonly byte[]? _previousHash;
    private readonly ILogger<OperatorKey> _logger;
    private long _lastWarning;

    public OperatorKey(IOptions<OperatorOptions> options, IHostEnvironment environment, ILogger<OperatorKey> logger)
    {
        _logger = logger;
        var key = options.Value.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (environment.IsDevelopment())
            {
                key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
                logger.LogWarning("Operator:ApiKey is not set; generated one for this Development run: {OperatorApiKey}", key);
            }
            else
            {
                logger.LogError("Operator:ApiKey is not set: the operator API refuses every request. Set Operator__ApiKey from a secret.");
                return;
            }
        }

        _hash = Hash(key);
        _previousHash = string.IsNullOrWhiteSpace(options.Value.PreviousApiKey) ? null : Hash(options.Value.PreviousApiKey);
    }

    /// <summary>True when <paramref name="presented"/> is the operator key, or the previous key while it is still configured.</summary>
    public bool Matches(string? presented)
    {
        if (_hash is null || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison time says nothing about the key. Both hashes
        // are always compared, so the time does not say which key matched either.
        var hash = Hash(presented);
        var current = CryptographicOperations.FixedTimeEquals(hash, _hash);
        var previous = _previousHash is not null && CryptographicOperations.FixedTimeEquals(hash, _previousHash);
        if (previous && !current && ShouldWarnNow())
        {
            _logger.LogWarning("A caller used the previous operator key; move it to the current Operator:ApiKey, then remove Operator:PreviousApiKey");
        }

        return current || previous;
    }

    /// <summary>At most one warning a minute, however often a script presents the old key.</summary>
    private bool ShouldWarnNow()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        return (last == 0 || now - last >= 60_000) && Interlocked.CompareExchange(ref _lastWarning, now, last) == last;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
