using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Total.DevStandIns.Entra;

namespace Total.DevStandIns.Graph;

/// <summary>
/// Validates a Graph request's bearer token as Graph does: signed by the (stand-in's) Entra key, audience
/// Microsoft Graph, issuer <c>https://sts.windows.net/{tid}/</c> of the token's own tenant, not expired.
/// </summary>
internal sealed class GraphAccessTokenValidator(EntraStandIn standIn)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>The caller, or Graph's 401 message.</summary>
    public async Task<(GraphCaller? Caller, string? Error)> ValidateAsync(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || header.Length == Bearer.Length)
        {
            return (null, "Access token is empty.");
        }

        var result = await Handler.ValidateTokenAsync(header[Bearer.Length..].Trim(), new TokenValidationParameters
        {
            IssuerSigningKey = standIn.SigningKey.Credentials.Key,
            ValidAudiences = [ClientCredentialsGrant.GraphResource, ClientCredentialsGrant.GraphResource + "/", ClientCredentialsGrant.GraphAppId],
            // The issuer depends on the token's own tid; checked below.
            ValidateIssuer = false,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid)
        {
            return (null, result.Exception switch
            {
                SecurityTokenExpiredException or SecurityTokenNotYetValidException => "Lifetime validation failed, the token is expired.",
                SecurityTokenInvalidAudienceException => "Invalid audience.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "Signature validation failed.",
                _ => "Access token validation failure.",
            });
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<string>("tid", out var tid) || !Guid.TryParse(tid, out var tenantId)
            || token.Issuer != StandInTokenIssuer.AppOnlyIssuer(tenantId))
        {
            return (null, "Access token validation failure. Invalid issuer.");
        }

        if (!token.TryGetPayloadValue<string>("appid", out var appId) || string.IsNullOrEmpty(appId))
        {
            return (null, "Access token validation failure. The token has no appid.");
        }

        var roles = token.Claims.Where(claim => claim.Type == "roles").Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        return (new GraphCaller(tenantId, appId, roles), null);
    }
}
