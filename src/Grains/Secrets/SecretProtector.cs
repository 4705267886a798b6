using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Total.Grains.Secrets;

/// <summary>
/// Encrypts customer secrets with AES-256-GCM under a key that lives outside the database, so a database
/// dump alone reveals nothing. Each value is bound to its owner (the associated data), so a ciphertext
/// copied to another tenant's row does not decrypt. Format: <c>v1.{keyId}.{base64(nonce|tag|ciphertext)}</c>.
/// </summary>
public sealed class SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly string? _currentKeyId;

    public SecretProtector(IOptions<SecretProtectionOptions> options, ILogger<SecretProtector> logger, bool allowEphemeralKey)
    {
        var configured = options.Value;
        if (!string.IsNullOrWhiteSpace(configured.EncryptionKey))
        {
            _currentKeyId = AddKey(configured.EncryptionKey, "Secrets:EncryptionKey");
        }
        else if (allowEphemeralKey)
        {
            _currentKeyId = AddKey(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "ephemeral");
            logger.LogInformation("Secrets:EncryptionKey is not set: customer secrets are encrypted with an in-memory key that dies with this process.");
        }
        else
        {
            logger.LogWarning("Secrets:EncryptionKey is not set: Entra client secrets cannot be stored. Set it to the base64 of 32 random bytes (openssl rand -base64 32).");
        }

        foreach (var previous in configured.PreviousEncryptionKeys)
        {
            AddKey(previous, "Secrets:PreviousEncryptionKeys");
        }
    }

    /// <summary>False when no encryption key is configured: secrets must then be refused, never stored in clear.</summary>
    public bool CanProtect => _currentKeyId is not null;

    public string Protect(string plaintext, string owner)
    {
        if (_currentKeyId is null)
        {
            throw new InvalidOperationException("No encryption key is configured (Secrets:EncryptionKey).");
        }

        var key = _keys[_currentKeyId];
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plainBytes.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plainBytes, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(owner));
        return $"v1.{_currentKeyId}.{Convert.ToBase64String(output)}";
    }

    /// <summary>The plaintext, or null when the value was written under a key this process does not have.</summary>
    public string? Unprotect(string protectedValue, string owner)
    {
        var parts = protectedValue.Split('.');
        if (parts.Length != 3 || parts[0] != "v1" || !_keys.TryGetValue(parts[1], out var key))
        {
            return null;
        }

        var input = Convert.FromBase64String(parts[2]);
        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(owner));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    private string AddKey(string base64, string source)
    {
        // The options' validator refuses a malformed key at start; this keeps a directly built protector as strict.
        var key = EncryptionKeyFormat.TryDecode(base64, source, out var problem) ?? throw new InvalidOperationException(problem);
        var keyId = Convert.ToHexString(SHA256.HashData(key).AsSpan(0, 4)).ToLowerInvariant();
        _keys[keyId] = key;
        return keyId;
    }
}
