using Microsoft.Extensions.Primitives;
using Total.DevStandIns.Graph;

namespace Total.DevStandIns.Entra;

/// <summary>
/// <c>grant_type=client_credentials</c> for Microsoft Graph, as a customer's app registration uses it to read
/// group membership: <c>scope=https://graph.microsoft.com/.default</c> and a client secret, in the customer's
/// own tenant (a tenant id, not an alias). The token carries <c>roles: ["GroupMember.Read.All"]</c> only while
/// the tenant's admin consent stands (<see cref="StandInAppRegistrations"/>).
/// </summary>
internal static class ClientCredentialsGrant
{
    public const string GrantType = "client_credentials";

    /// <summary>Microsoft Graph's resource URI: the audience of its access tokens.</summary>
    public const string GraphResource = "https://graph.microsoft.com";

    /// <summary>Microsoft Graph's well-known application id, which Entra also accepts as the resource.</summary>
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    /// <summary>The application permission that lets an app read any group's members.</summary>
    public const string GroupMemberReadAll = "GroupMember.Read.All";

    private const string DefaultScopeSuffix = "/.default";

    public static IResult Issue(
        StandInTenant tenant,
        ClientCredential client,
        IFormCollection form,
        StandInAppRegistrations apps,
        StandInTokenIssuer issuer,
        GraphStandInDirectory graph,
        DateTimeOffset now)
    {
        if (tenant.TenantId is not { } entraTenantId)
        {
            return StandInError.InvalidRequest(
                700016,
                $"The client credentials flow needs the customer's tenant id in the URL, not '{tenant.Segment}': an app acts in one tenant at a time.",
                now);
        }

        if (!client.HasCredential)
        {
            return StandInError.Json(StatusCodes.Status401Unauthorized, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.", now);
        }

        var scope = Text(form["scope"]);
        if (scope is null)
        {
            return StandInError.InvalidRequest(900144, "The request body must contain the following parameter: 'scope'.", now);
        }

        if (!scope.EndsWith(DefaultScopeSuffix, StringComparison.OrdinalIgnoreCase) || scope.Contains(' ', StringComparison.Ordinal))
        {
            return StandInError.Json(
                StatusCodes.Status400BadRequest,
                "invalid_scope",
                1002012,
                $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).",
                now);
        }

        var resource = scope[..^DefaultScopeSuffix.Length].TrimEnd('/');
        if (!string.Equals(resource, GraphResource, StringComparison.OrdinalIgnoreCase) && !string.Equals(resource, GraphAppId, StringComparison.OrdinalIgnoreCase))
        {
            return StandInError.Json(
                StatusCodes.Status400BadRequest,
                "invalid_resource",
                500011,
                $"The resource principal named {resource} was not found in the tenant named {entraTenantId:D}. The local Entra stand-in issues app-only tokens for Microsoft Graph only.",
                now);
        }

        if (StandInError.RefusedClient(apps.Check(entraTenantId, client), client.ClientId, entraTenantId, now) is { } refused)
        {
            return refused;
        }

        string[] roles = apps.HasConsent(entraTenantId, client.ClientId) ? [GroupMemberReadAll] : [];
        var token = issuer.IssueAppOnly(entraTenantId, client.ClientId, roles, now);
        graph.Tenant(entraTenantId).Counters.CountToken();
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = token.ExpiresIn,
            ["ext_expires_in"] = token.ExpiresIn,
            ["access_token"] = token.AccessToken,
        });
    }

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
