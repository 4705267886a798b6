namespace Total.Grains.Secrets;

/// <summary>Keys that encrypt customer secrets (Entra client secrets) at rest. Section <c>Secrets</c>.</summary>
public sealed class SecretProtectionOptions
{
    public const string Section = "Secrets";

    /// <summary>Base64 of 32 random bytes (<c>openssl rand -base64 32</c>). Kept outside the database, e.g. in a Kubernetes Secret.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Keys retired by a key rotation, still used to decrypt values written under them.</summary>
    public List<string> PreviousEncryptionKeys { get; set; } = [];
}
