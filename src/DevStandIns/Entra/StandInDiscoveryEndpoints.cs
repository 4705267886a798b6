using Microsoft.AspNetCore.Hosting.Server;

namespace Total.DevStandIns.Entra;

/// <summary>
/// OpenID Connect discovery and the signing keys, in Entra v2.0's shape: <c>/{tid}/v2.0/.well-known/openid-configuration</c>
/// names the tenant's own issuer; <c>organizations</c> and <c>common</c> publish the literal <c>{tenantid}</c>
/// template, as Entra does, which is what multi-tenant issuer validators substitute into.
/// </summary>
internal static class StandInDiscoveryEndpoints
{
    private static readonly string[] AuthMethods = ["client_secret_post", "private_key_jwt", "client_secret_basic"];
    private static readonly string[] ResponseModes = ["query", "fragment", "form_post"];
    private static readonly string[] SubjectTypes = ["pairwise"];
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] Scopes = ["openid", "profile", "email", "offline_access"];
    private static readonly string[] Claims = ["sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "ver", "tid", "oid", "name", "preferred_username"];

    public static void Map(IEndpointRouteBuilder backchannel)
    {
        backchannel.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", Discovery);
        backchannel.MapGet("/{tenant}/discovery/v2.0/keys", Keys);
    }

    private static IResult Discovery(string tenant, EntraStandIn standIn, IServer server)
    {
        if (!StandInTenant.TryParse(tenant, out var parsed))
        {
            // A verified domain names its tenant; anything else is Entra's "tenant not found".
            if (standIn.Domains.TenantOf(tenant) is not { } tid || !StandInTenant.TryParse(tid.ToString("D"), out parsed))
            {
                return StandInError.InvalidRequest(90002, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", DateTimeOffset.UtcNow);
            }
        }

        var instance = standIn.Instance.ToString();
        var browser = BrowserAddress.For(server, standIn);
        var segment = parsed.Segment;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_endpoint"] = $"{instance}{segment}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
            ["jwks_uri"] = $"{instance}{segment}/discovery/v2.0/keys",
            ["response_modes_supported"] = ResponseModes,
            ["subject_types_supported"] = SubjectTypes,
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["response_types_supported"] = ResponseTypes,
            ["scopes_supported"] = Scopes,
            ["issuer"] = parsed.TenantId is { } id ? standIn.IssuerFor(id.ToString("D")) : standIn.IssuerTemplate,
            ["request_uri_parameter_supported"] = false,
            ["authorization_endpoint"] = $"{browser}{segment}/oauth2/v2.0/authorize",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = $"{browser}{segment}/oauth2/v2.0/logout",
            ["claims_supported"] = Claims,
        });
    }

    private static IResult Keys(string tenant, EntraStandIn standIn) =>
        StandInTenant.TryParse(tenant, out _)
            ? Results.Json(new Dictionary<string, object> { ["keys"] = new[] { standIn.SigningKey.ToJwk(standIn.IssuerTemplate) } })
            : Results.NotFound();
}
