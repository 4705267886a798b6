namespace Total.Grains.Abstractions.Graph;

/// <summary>
/// The standard <c>AzureAd</c> section (Microsoft.Identity.Web's names): TOTAL's own multi-tenant Entra app, the
/// fallback for a customer without an app registration of their own. The API signs such customers in with it and
/// the silos read their admin groups with it (client credentials in the customer's tenant, under the admin consent
/// given there), so every process binds it. Off unless both <see cref="ClientId"/> and <see cref="ClientSecret"/>
/// are set; a customer's own registration always takes precedence.
/// </summary>
public sealed class VendorAppOptions
{
    public const string Section = "AzureAd";

    /// <summary>
    /// The Entra instance, like <c>https://login.microsoftonline.com/</c>. Unset: <c>SignIn:Instance</c>, the one
    /// customers' own registrations use. The local stand-in replaces both while it runs.
    /// </summary>
    public string? Instance { get; set; }

    /// <summary>The authority's tenant: <c>organizations</c> (work accounts of any tenant, default) or <c>common</c>.</summary>
    public string TenantId { get; set; } = "organizations";

    /// <summary>The application (client) id of TOTAL's multi-tenant app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret: a deployment secret (a Kubernetes Secret), never stored per tenant, never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The one redirect path registered on TOTAL's app (default <c>/signin-oidc</c>): a shared app cannot register one per customer.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>True when both the client id and the secret are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>What reading Graph in the customer's tenant <paramref name="entraTenantId"/> with this app needs; null when it is off.</summary>
    public GraphCredentials? GraphCredentialsIn(Guid entraTenantId) =>
        IsConfigured ? new GraphCredentials(entraTenantId, ClientId!, ClientSecret!) : null;
}
