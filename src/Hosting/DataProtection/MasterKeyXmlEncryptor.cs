using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Total.Grains.Secrets;

namespace Total.Hosting.DataProtection;

/// <summary>
/// Encrypts each Data Protection key with the service's master key (<c>Secrets:EncryptionKey</c>, AES-256-GCM)
/// before it reaches the database, so a database dump alone cannot forge console sessions.
/// </summary>
public sealed class MasterKeyXmlEncryptor(SecretProtector protector) : IXmlEncryptor
{
    public const string ElementName = "totalEncryptedKey";

    /// <summary>Associated data: a key ring ciphertext cannot be passed off as another secret.</summary>
    public const string Owner = "data-protection-key-ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(ElementName, protector.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting), Owner)), typeof(MasterKeyXmlDecryptor));
}
