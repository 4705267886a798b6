using System.Security.Cryptography;

namespace Total.Api.Operator;

/// <summary>New TOTAL tenant ids: 80 random bits in lower-case base32, safe in URLs and easy to read aloud.</summary>
public static class TenantIds
{
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
}
