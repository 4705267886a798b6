using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Scim;

/// <summary>
/// Every SCIM route: the tenant comes from the URL, the bearer token must be one of that tenant's live
/// tokens (hash compared in constant time in the tenant grain). A token of another tenant is as wrong as
/// a made-up one: 401 either way, with no hint that the other tenant exists.
/// </summary>
public sealed class ScimAuthenticationFilter(IGrainFactory grains, ScimTokenCache cache, RefusedTokenLog refusals) : IEndpointFilter
{
    public const string TenantIdItem = "total.tenantId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = http.Request.RouteValues["tenantId"] as string;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(http, "Send the Secret Token from TOTAL (Settings → SSO & Provisioning) as 'Authorization: Bearer <token>'.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 512 || !TenantIds.IsWellFormed(tenantId))
        {
            return Unauthorized(http, "The bearer token is not valid for this Tenant URL.");
        }

        var hash = ScimToken.Hash(token);
        if (!cache.IsKnownValid(tenantId, hash))
        {
            if (!await grains.GetGrain<ITenantGrain>(tenantId).IsValidScimTokenAsync(hash))
            {
                refusals.Refused(tenantId);
                return Unauthorized(http, "The bearer token is not valid for this Tenant URL. Copy the current Secret Token and Tenant URL from TOTAL (Settings → SSO & Provisioning) into Entra.");
            }

            cache.RememberValid(tenantId, hash);
        }

        http.Items[TenantIdItem] = tenantId;
        return await next(context);
    }

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"total-scim\"";
        return ScimResults.Error(StatusCodes.Status401Unauthorized, null, detail);
    }
}
