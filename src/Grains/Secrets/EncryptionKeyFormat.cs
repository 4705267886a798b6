namespace Total.Grains.Secrets;

/// <summary>The one shape of a secret-encryption key: the base64 of 32 random bytes (an AES-256 key).</summary>
public static class EncryptionKeyFormat
{
    public const int KeyBytes = 32;

    /// <summary>The key's bytes, or null and what is wrong with the value of <paramref name="setting"/>, said so an operator can fix it.</summary>
    public static byte[]? TryDecode(string base64, string setting, out string? problem)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            problem = $"{setting} is not valid base64; it must be the base64 of {KeyBytes} random bytes, e.g. the output of: openssl rand -base64 32";
            return null;
        }

        problem = key.Length == KeyBytes ? null : $"{setting} must be {KeyBytes} bytes (base64 of {KeyBytes} random bytes, e.g. the output of: openssl rand -base64 32), not {key.Length}.";
        return problem is null ? key : null;
    }
}
