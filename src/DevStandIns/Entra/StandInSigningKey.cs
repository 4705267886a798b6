using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Total.DevStandIns.Entra;

/// <summary>
/// An RS256 token-signing key with its certificate. Like Entra, the key id (<c>kid</c>) is the certificate's
/// base64url SHA-1 thumbprint, which is also its <c>x5t</c>.
/// </summary>
internal sealed class StandInSigningKey : IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly RSA _rsa;

    public StandInSigningKey(string subject)
    {
        _certificate = StandInCertificates.CreateSigningCertificate(subject);
        _rsa = _certificate.GetRSAPrivateKey()!;
        Thumbprint = Base64UrlEncoder.Encode(_certificate.GetCertHash(HashAlgorithmName.SHA1));
        // An X509SecurityKey (over the same RSA key) makes the token handler write x5t next to kid, as Entra does.
        Credentials = new SigningCredentials(new X509SecurityKey(_certificate) { KeyId = Thumbprint }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>The <c>kid</c> and <c>x5t</c> of tokens signed with this key.</summary>
    public string Thumbprint { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The key as Entra publishes it in its JWKS, with the issuer template it signs for.</summary>
    public Dictionary<string, object> ToJwk(string issuerTemplate)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Thumbprint,
            ["x5t"] = Thumbprint,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) },
            ["issuer"] = issuerTemplate,
        };
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _certificate.Dispose();
    }
}
