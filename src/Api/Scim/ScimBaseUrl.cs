using Microsoft.Extensions.Options;
using Total.Hosting.Http;

namespace Total.Api.Scim;

/// <summary>Builds a tenant's SCIM base URL (the "Tenant URL" a customer pastes into Entra).</summary>
public sealed class ScimBaseUrl(IOptions<ScimOptions> options)
{
    public const string RoutePrefix = "/scim/v2";

    public string For(HttpRequest request, string tenantId)
    {
        var configured = options.Value.PublicBaseUrl;
        var root = string.IsNullOrWhiteSpace(configured) ? SiteRoot.Of(request) : configured.TrimEnd('/');
        return $"{root}{RoutePrefix}/{Uri.EscapeDataString(tenantId)}";
    }
}
