using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Mints Entra v2.0-shaped RS256 ID and access tokens for a redeemed grant, with any requested defects, and
/// app-only Microsoft Graph access tokens (v1.0-shaped, as Entra issues them for Graph) for client credentials.
/// </summary>
internal sealed class StandInTokenIssuer(EntraStandIn standIn)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedTokens Issue(AuthorizationGrant grant, DateTimeOffset now)
    {
        var defects = grant.Defects;
        var identity = grant.Identity;
        var (issuedAt, expires) = Times(now, defects.LifetimeSeconds);
        var issuer = defects.IssuerOverride ?? standIn.IssuerFor(identity.TenantId.ToString("D"));
        var key = defects.UnknownKey ? standIn.UnknownKey : standIn.SigningKey;

        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["tid"] = defects.TidOverride ?? identity.TenantId.ToString("D"),
            ["sub"] = PairwiseSubject(identity, grant.Request.ClientId),
            ["name"] = identity.Name,
            ["preferred_username"] = identity.PreferredUsername,
            ["uti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
        };
        if (!defects.OmitOid)
        {
            claims["oid"] = identity.ObjectId;
        }

        string? idToken = null;
        if (grant.Request.WantsIdToken)
        {
            var idClaims = new Dictionary<string, object>(claims);
            if (grant.Request.Nonce is { } nonce)
            {
                idClaims["nonce"] = nonce;
            }

            idToken = Create(issuer, grant.Request.ClientId, issuedAt, expires, idClaims, key);
        }

        // Entra's access tokens are for a resource API; the only resource here is the client itself.
        var accessClaims = new Dictionary<string, object>(claims)
        {
            ["azp"] = grant.Request.ClientId,
            ["scp"] = grant.Request.Scope,
        };
        var accessToken = Create(issuer, grant.Request.ClientId, issuedAt, expires, accessClaims, key);
        return new IssuedTokens(idToken, accessToken, (int)Math.Max(0, (expires - now).TotalSeconds));
    }

    /// <summary>
    /// An app-only access token for Microsoft Graph in Entra's shape: v1.0 issuer <c>https://sts.windows.net/{tid}/</c>,
    /// audience <c>https://graph.microsoft.com</c>, <c>appid</c>, <c>idtyp</c> app and the granted application
    /// permissions in <c>roles</c> (absent when none are granted, as in Entra).
    /// </summary>
    public IssuedTokens IssueAppOnly(Guid entraTenantId, string clientId, IReadOnlyList<string> roles, DateTimeOffset now)
    {
        var expires = now + DefaultLifetime;
        var issuer = AppOnlyIssuer(entraTenantId);
        var servicePrincipalId = ServicePrincipalId(entraTenantId, clientId);
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "1.0",
            ["tid"] = entraTenantId.ToString("D"),
            ["appid"] = clientId,
            ["appidacr"] = "1",
            ["idp"] = issuer,
            ["idtyp"] = "app",
            ["oid"] = servicePrincipalId,
            ["sub"] = servicePrincipalId,
            ["uti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
        };
        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }

        var accessToken = Create(issuer, ClientCredentialsGrant.GraphResource, now, expires, claims, standIn.SigningKey);
        return new IssuedTokens(null, accessToken, (int)(expires - now).TotalSeconds);
    }

    /// <summary>The v1.0 issuer Entra puts in Microsoft Graph access tokens.</summary>
    public static string AppOnlyIssuer(Guid entraTenantId) => $"https://sts.windows.net/{entraTenantId:D}/";

    /// <summary>
    /// Normally issued now for an hour. A non-positive lifetime gives a token issued an hour before it expired,
    /// because a token must expire after it became valid.
    /// </summary>
    private static (DateTimeOffset IssuedAt, DateTimeOffset Expires) Times(DateTimeOffset now, int? lifetimeSeconds)
    {
        var lifetime = lifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
        var expires = now + lifetime;
        return (lifetime > TimeSpan.Zero ? now : expires - DefaultLifetime, expires);
    }

    private static string Create(string issuer, string audience, DateTimeOffset issuedAt, DateTimeOffset expires, Dictionary<string, object> claims, StandInSigningKey key) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = key.Credentials,
            TokenType = "JWT",
        });

    /// <summary>The app's service principal in the tenant: one stable object id per (tenant, app), like Entra's.</summary>
    private static string ServicePrincipalId(Guid entraTenantId, string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"service-principal|{entraTenantId:D}|{clientId}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    /// <summary>Entra's <c>sub</c> is pairwise: stable for one user and one app, different across apps.</summary>
    private static string PairwiseSubject(SignInIdentity identity, string clientId)
    {
        var subject = identity.ObjectId.Length > 0 ? identity.ObjectId : identity.PreferredUsername;
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{identity.TenantId:D}|{subject}|{clientId}")));
    }
}
