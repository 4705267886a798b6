using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Operator;

/// <summary><c>POST /operator/tenants</c> body. Strings, not GUIDs, so a malformed id gets a clear 400 instead of a binding failure.</summary>
public sealed record CreateTenantRequest(
    string? Name,
    string? EntraTenantId,
    List<string>? AdminGroups,
    List<string>? MonitoredGroups,
    string? EntraClientId,
    string? EntraClientSecret);

/// <summary>
/// <c>PUT /operator/tenants/{tenantId}/groups</c> body; an absent <c>monitorUsersOutsideGroups</c> keeps the setting.
/// <c>confirmRemovingAllAdmins</c> must be true for a change that would leave the tenant without any active admin.
/// </summary>
public sealed record UpdateGroupsRequest(List<string>? AdminGroups, List<string>? MonitoredGroups, bool? MonitorUsersOutsideGroups = null, bool? ConfirmRemovingAllAdmins = null);

/// <summary><c>PUT /operator/tenants/{tenantId}/entra-app</c> body; an absent secret keeps the stored one.</summary>
public sealed record UpdateEntraAppRequest(string? EntraClientId, string? EntraClientSecret);

/// <summary><c>POST /operator/tenants/{tenantId}/scim-token</c> body (optional).</summary>
public sealed record RotateScimTokenRequest(int? PreviousTokenValidForSeconds);

/// <summary>A tenant as the operator API returns it. Never contains a secret.</summary>
public record TenantResponse(
    string TenantId,
    string Name,
    Guid EntraTenantId,
    string? EntraClientId,
    bool HasEntraClientSecret,
    IReadOnlyList<string> AdminGroups,
    IReadOnlyList<string> MonitoredGroups,
    string ScimBaseUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset ScimTokenIssuedAt,
    DateTimeOffset? PreviousScimTokenValidUntil,
    bool MonitorUsersOutsideGroups,
    IReadOnlyList<ScimTokenOverlap> EarlierScimTokens)
{
    public static TenantResponse From(TenantDetails tenant, string scimBaseUrl) => new(
        tenant.TenantId,
        tenant.Name,
        tenant.EntraTenantId,
        tenant.EntraClientId,
        tenant.HasEntraClientSecret,
        tenant.AdminGroups,
        tenant.MonitoredGroups,
        scimBaseUrl,
        tenant.CreatedAt,
        tenant.ScimTokenIssuedAt,
        tenant.PreviousScimTokenValidUntil,
        tenant.MonitorUsersOutsideGroups,
        tenant.EarlierScimTokens ?? []);
}

/// <summary>The 201 answer to onboarding: the tenant plus its SCIM token, shown this once.</summary>
public sealed record CreatedTenantResponse : TenantResponse
{
    public CreatedTenantResponse(TenantResponse tenant, string scimToken)
        : base(tenant) => ScimToken = scimToken;

    public string ScimToken { get; }
}

/// <summary>A newly issued SCIM token, shown this once, and the earlier tokens that still work (each until its own overlap ends).</summary>
public sealed record ScimTokenResponse(string ScimBaseUrl, string ScimToken, DateTimeOffset IssuedAt, DateTimeOffset? PreviousTokenValidUntil, IReadOnlyList<ScimTokenOverlap> EarlierTokens);
