using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// TOTAL tenant ids: the key of <see cref="ITenantGrain"/> and the segment naming the tenant in its URLs (SCIM base,
/// sign-in page, OIDC callbacks). New ones are 80 random bits in lower-case base32, safe in URLs and easy to read aloud.
/// </summary>
public static class TenantIds
{
    public const int MaxLength = 64;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>
    /// Whether an id taken from a URL can name a tenant at all: 1–64 letters, digits, <c>-</c> or <c>_</c> (generated
    /// ids, or <c>demo</c>). Anything else is refused before a tenant grain is activated for it: unauthenticated traffic
    /// must not create activations or database reads.
    /// </summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? tenantId) =>
        tenantId is { Length: > 0 and <= MaxLength } && tenantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
