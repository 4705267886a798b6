using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Graph;

namespace Total.Api.SignIn;

/// <summary>
/// TOTAL's own multi-tenant Entra app (section <c>AzureAd</c>) as sign-in and the console see it: how a tenant
/// without its own app registration signs in, and what its Entra admin needs to know. Its instance is
/// <c>AzureAd:Instance</c> when set, else <c>SignIn:Instance</c> (one setting for both in the usual case).
/// </summary>
public sealed class VendorApp(IOptions<VendorAppOptions> options, IOptions<SignInOptions> signIn)
{
    /// <summary>The one scope TOTAL asks admin consent for: every application permission of the app (GroupMember.Read.All).</summary>
    public const string GraphDefaultScope = "https://graph.microsoft.com/.default";

    public bool IsConfigured => options.Value.IsConfigured;

    public string ClientId => options.Value.ClientId ?? "";

    public string CallbackPath => options.Value.CallbackPath;

    /// <summary>The Entra instance, with a trailing slash: where metadata, keys and tokens are fetched and admins consent.</summary>
    public Uri Instance =>
        string.IsNullOrWhiteSpace(options.Value.Instance) ? signIn.Value.Instance : new Uri(options.Value.Instance.TrimEnd('/') + "/");

    /// <summary><c>{instance}organizations/v2.0</c>: the multi-tenant authority.</summary>
    public string Authority => $"{Instance}{options.Value.TenantId}/v2.0";

    /// <summary>
    /// Entra's v2.0 issuer template as the multi-tenant metadata publishes it: the AAD issuer validator puts the
    /// token's own tid into it and requires the token's iss to be exactly that.
    /// </summary>
    public string IssuerTemplate => $"{Instance}{{tenantid}}/v2.0";

    /// <summary>The redirect URI registered on TOTAL's app, for every customer alike.</summary>
    public string RedirectUri(string root) => root + CallbackPath;

    /// <summary>
    /// The link a customer's Entra admin opens once so TOTAL's app may read group membership in their directory
    /// (Entra's v2.0 admin-consent endpoint). Entra returns to the shared redirect URI with the TOTAL tenant as
    /// <c>state</c>, and the sign-in callback sends the admin on to that tenant's page.
    /// </summary>
    public string AdminConsentUrl(Guid entraTenantId, string root, string tenantId) =>
        QueryHelpers.AddQueryString($"{Instance}{entraTenantId:D}/v2.0/adminconsent", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["scope"] = GraphDefaultScope,
            ["redirect_uri"] = RedirectUri(root),
            ["state"] = tenantId,
        });
}
