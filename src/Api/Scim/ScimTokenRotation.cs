using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Scim;

/// <summary>
/// Rotates a tenant's SCIM token and, in the same step, drops this process's cached acceptances of the old one:
/// a zero-overlap rotation revokes a leaked token, and no caller may forget the cache half of that.
/// </summary>
public sealed class ScimTokenRotation(IGrainFactory grains, ScimTokenCache cache)
{
    /// <summary>The new token (shown once), or null when the tenant does not exist.</summary>
    public async Task<ScimTokenIssue?> RotateAsync(string tenantId, TimeSpan previousTokenValidFor)
    {
        var issue = await grains.GetGrain<ITenantGrain>(tenantId).RotateScimTokenAsync(previousTokenValidFor);
        cache.ForgetTenant(tenantId);
        return issue;
    }
}
