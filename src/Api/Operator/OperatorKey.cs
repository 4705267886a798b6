using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Total.Api.Operator;

/// <summary>
/// Holds the operator key as a hash and checks presented keys in constant time. In Development an unset key
/// is generated and logged once so a newcomer can use the API; elsewhere an unset key locks the API.
/// </summary>
public sealed class OperatorKey
{
    private readonly byte[]? _hash;

    public OperatorKey(IOptions<OperatorOptions> options, IHostEnvironment environment, ILogger<OperatorKey> logger)
    {
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

        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>True when <paramref name="presented"/> is the operator key.</summary>
    public bool Matches(string? presented)
    {
        if (_hash is null || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison time says nothing about the key.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);
    }
}
