using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using Total.DevStandIns.Graph;

namespace Total.DevStandIns.Entra;

/// <summary>
/// <c>POST /{tid}/oauth2/v2.0/token</c>: redeems an authorization code for Entra-shaped tokens, or issues an
/// app-only Microsoft Graph token (<see cref="ClientCredentialsGrant"/>). The client must present a credential:
/// any non-empty secret or assertion, unless the tenant has app registrations
/// (<see cref="StandInAppRegistrations"/>), which are then enforced. A code must match the client, redirect
/// URI and PKCE challenge it was issued for, and be redeemed either in the tenant the person signed in to or, as
/// multi-tenant apps do, at Entra's tenant-independent endpoints (<c>organizations</c>, <c>common</c>), which
/// accept a code of any tenant.
/// </summary>
internal static class StandInTokenEndpoint
{
    private const string AuthorizationCodeGrant = "authorization_code";

    public static void Map(IEndpointRouteBuilder backchannel) =>
        backchannel.MapPost("/{tenant}/oauth2/v2.0/token", RedeemAsync).DisableAntiforgery();

    private static async Task<IResult> RedeemAsync(
        string tenant,
        HttpContext context,
        AuthorizationCodes codes,
        StandInTokenIssuer issuer,
        StandInAppRegistrations apps,
        GraphStandInDirectory graph,
        CancellationToken cancellationToken)
    {
        var now = codes.Now;
        if (!StandInTenant.TryParse(tenant, out var parsed))
        {
            return StandInError.InvalidRequest(90002, $"Tenant '{tenant}' not found. Use a tenant id (GUID), 'organizations' or 'common'.", now);
        }

        if (!context.Request.HasFormContentType)
        {
            return StandInError.InvalidRequest(900144, "The request body must be application/x-www-form-urlencoded.", now);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var grantType = Text(form["grant_type"]);
        if (grantType is not (AuthorizationCodeGrant or ClientCredentialsGrant.GrantType))
        {
            return StandInError.Json(StatusCodes.Status400BadRequest, "unsupported_grant_type", 70003, "The local Entra stand-in supports only grant_type=authorization_code and grant_type=client_credentials.", now);
        }

        var client = ClientCredential.Read(context.Request, form);
        if (client is null)
        {
            return StandInError.InvalidRequest(900144, "The request body must contain the following parameter: 'client_id'.", now);
        }

        NoStore(context.Response);
        if (grantType == ClientCredentialsGrant.GrantType)
        {
            return ClientCredentialsGrant.Issue(parsed, client, form, apps, issuer, graph, now);
        }

        if (!client.HasCredential)
        {
            return StandInError.Json(StatusCodes.Status401Unauthorized, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", now);
        }

        var code = Text(form["code"]);
        if (code is null)
        {
            return StandInError.InvalidRequest(900144, "The request body must contain the following parameter: 'code'.", now);
        }

        var (grant, outcome) = codes.Redeem(code);
        switch (outcome)
        {
            case CodeRedemption.Unknown:
                return StandInError.InvalidGrant(70000, "The provided value for the 'code' parameter is not valid.", now);
            case CodeRedemption.AlreadyRedeemed:
                return StandInError.InvalidGrant(54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.", now);
            case CodeRedemption.Expired:
                return StandInError.InvalidGrant(70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.", now);
        }

        if (!parsed.IsMultiTenant && parsed.TenantId != grant!.Identity.TenantId)
        {
            return StandInError.InvalidGrant(700005, "Provided Authorization Code is intended to use against other tenant, thus rejected.", now);
        }

        if (!string.Equals(grant!.Request.ClientId, client.ClientId, StringComparison.Ordinal))
        {
            return StandInError.InvalidGrant(70000, "The code was issued to another client_id.", now);
        }

        if (!string.Equals(grant.Request.RedirectUri.OriginalString, Text(form["redirect_uri"]), StringComparison.Ordinal))
        {
            return StandInError.InvalidGrant(70000, "The redirect_uri is not the one the authorization code was issued for.", now);
        }

        if (grant.Request.CodeChallenge is { } challenge && !VerifierMatches(challenge, grant.Request.CodeChallengeMethod!, Text(form["code_verifier"])))
        {
            return StandInError.InvalidGrant(501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.", now);
        }

        if (StandInError.RefusedClient(apps.Check(grant.Identity.TenantId, client), client.ClientId, grant.Identity.TenantId, now) is { } refused)
        {
            return refused;
        }

        var tokens = issuer.Issue(grant, now);
        var body = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = grant.Request.Scope,
            ["expires_in"] = tokens.ExpiresIn,
            ["ext_expires_in"] = tokens.ExpiresIn,
            ["access_token"] = tokens.AccessToken,
        };
        if (tokens.IdToken is not null)
        {
            body["id_token"] = tokens.IdToken;
        }

        return Results.Json(body);
    }

    /// <summary>Token responses (and their errors) must never be cached.</summary>
    private static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }

    private static bool VerifierMatches(string challenge, string method, string? verifier)
    {
        if (verifier is null)
        {
            return false;
        }

        var expected = method == "S256" ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
