using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Total.Grains.Secrets;

namespace Total.Hosting.DataProtection;

/// <summary>Reverses <see cref="MasterKeyXmlEncryptor"/>; Data Protection activates it with the service provider.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var protector = services.GetRequiredService<SecretProtector>();
        var plaintext = protector.Unprotect(encryptedElement.Value, MasterKeyXmlEncryptor.Owner)
            ?? throw new InvalidOperationException("A Data Protection key cannot be decrypted with Secrets:EncryptionKey or Secrets:PreviousEncryptionKeys; keep retired keys in PreviousEncryptionKeys.");
        return XElement.Parse(plaintext);
    }
}
