using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Total.DevStandIns.Entra;

/// <summary>
/// The local OpenID Connect provider shaped like Microsoft Entra ID v2.0 that tests and the embedded mode
/// sign in with. Always registered; <see cref="IsActive"/> says whether it runs (Development and
/// <c>SignIn:StandIn:Enabled</c> only). Its HTTPS certificate and signing keys are made in memory at startup, and
/// its port is known from then on (with <c>HttpsPort</c> 0 a <see cref="ReservedPort"/>).
/// </summary>
public sealed class EntraStandIn : IDisposable
{
    private readonly int _port;
    private readonly X509Certificate2? _tlsCertificate;
    private readonly byte[] _tlsCertificateHash = [];

    internal EntraStandIn(bool isActive, int configuredPort)
    {
        IsActive = isActive;
        if (isActive)
        {
            ReservedPort = configuredPort == 0 ? new ReservedPort() : null;
            _port = ReservedPort?.Port ?? configuredPort;
            _tlsCertificate = StandInCertificates.CreateTlsCertificate();
            _tlsCertificateHash = _tlsCertificate.GetCertHash(HashAlgorithmName.SHA256);
            SigningKey = new StandInSigningKey("TOTAL local Entra stand-in token signing");
            UnknownKey = new StandInSigningKey("Not published by the TOTAL local Entra stand-in");
        }
    }

    /// <summary>True when the stand-in serves its endpoints in this process.</summary>
    public bool IsActive { get; }

    /// <summary>Verified domains of the stand-in's tenants, for discovery by email domain.</summary>
    public StandInDomains Domains { get; } = new();

    /// <summary>The authority base, like <c>https://login.microsoftonline.com/</c>: <c>https://127.0.0.1:{port}/</c>.</summary>
    /// <exception cref="InvalidOperationException">The stand-in is not active.</exception>
    public Uri Instance => new($"https://127.0.0.1:{Port}/");

    /// <summary>The HTTPS port the stand-in listens on.</summary>
    internal int Port => IsActive
        ? _port
        : throw new InvalidOperationException("The local Entra stand-in is not active: it runs only in Development with SignIn:StandIn:Enabled=true.");

    /// <summary>The socket that holds a free port for the stand-in until Kestrel listens on it; null for a configured port.</summary>
    internal ReservedPort? ReservedPort { get; }

    internal StandInSigningKey SigningKey { get; } = null!;

    /// <summary>A key that is never published, for tokens that must fail signature validation.</summary>
    internal StandInSigningKey UnknownKey { get; } = null!;

    internal X509Certificate2 TlsCertificate => _tlsCertificate ?? throw new InvalidOperationException("The local Entra stand-in is not active.");

    /// <summary>The v2.0 authority of one Entra tenant, as <c>{Instance}{tid}/v2.0</c>.</summary>
    public string Authority(Guid entraTenantId) => $"{Instance}{entraTenantId:D}/v2.0";

    /// <summary>
    /// A handler for back-channel calls (metadata, keys, token redemption) that trusts exactly the stand-in's
    /// self-signed certificate, pinned by its SHA-256 thumbprint, and validates every other server as usual.
    /// When the stand-in is not active it is an ordinary handler. The caller owns (disposes) it.
    /// </summary>
    public HttpMessageHandler CreateBackchannelHandler()
    {
        var pinned = _tlsCertificateHash;
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None
                    || (pinned.Length > 0 && certificate is not null
                        && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned)),
            },
        };
    }

    /// <summary><c>https://127.0.0.1:{port}/{tid}/v2.0</c>: the issuer of tokens for one tenant.</summary>
    internal string IssuerFor(string tenantId) => $"{Instance}{tenantId}/v2.0";

    /// <summary>The issuer with Entra's literal <c>{tenantid}</c> placeholder, as multi-tenant metadata and keys publish it.</summary>
    internal string IssuerTemplate => $"{Instance}{{tenantid}}/v2.0";

    /// <summary>True when a request arrived on the stand-in's own HTTPS listener.</summary>
    internal bool IsOwnEndpoint(HttpContext context) =>
        IsActive && context.Request.IsHttps && context.Connection.LocalPort == Port;

    public void Dispose()
    {
        ReservedPort?.Dispose();
        _tlsCertificate?.Dispose();
        SigningKey?.Dispose();
        UnknownKey?.Dispose();
    }
}
