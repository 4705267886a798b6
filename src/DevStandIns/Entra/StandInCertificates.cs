using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Certificates the stand-in makes in memory at startup: nothing is written to disk or to a certificate
/// store, so nothing outlives the process and there is nothing to trust machine-wide.
/// </summary>
internal static class StandInCertificates
{
    /// <summary>A self-signed TLS server certificate for <c>localhost</c> and <c>127.0.0.1</c>, valid for 30 days.</summary>
    public static X509Certificate2 CreateTlsCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost, O=TOTAL local Entra stand-in", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        return Create(request);
    }

    /// <summary>
    /// A self-signed certificate around a token-signing key: Entra publishes its signing keys with a certificate
    /// (<c>x5c</c>, <c>x5t</c>), and validators that prefer the certificate form should see one.
    /// </summary>
    public static X509Certificate2 CreateSigningCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        return Create(request);
    }

    private static X509Certificate2 Create(CertificateRequest request)
    {
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // An ephemeral key works with OpenSSL but not with Windows SChannel; a PKCS#12 round trip gives a key
        // every platform's TLS stack accepts.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
