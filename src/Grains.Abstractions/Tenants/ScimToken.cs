using System.Security.Cryptography;
using System.Text;

namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// SCIM bearer tokens: 256 random bits, shown once, stored only as a SHA-256 hash.
/// A fast hash is right here: the input has 256 bits of entropy, so there is nothing to brute-force.
/// </summary>
public static class ScimToken
{
    /// <summary>Lets secret scanners recognise a leaked token.</summary>
    public const string Prefix = "totscim_";

    /// <summary>Most tokens of one tenant that work at once: the current one and earlier ones still in their overlap.</summary>
    public const int MaxLive = 5;

    public static string Generate() =>
        Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Constant-time comparison so response timing reveals nothing about a stored hash.</summary>
    public static bool HashesEqual(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> stored) =>
        presented.Length == stored.Length && CryptographicOperations.FixedTimeEquals(presented, stored);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
