using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Scim;

/// <summary>
/// Rotates a tenant's SCIM token and, in the same step, drops this process's cached acceptances of earlier ones:
/// a zero-overlap rotation revokes every earlier token (after a leak), and no caller may forget the cache half of that.
/// </summary>
public sealed class ScimTokenRotation(IGrainFactory grains, ScimTokenCache cache)
{
    /// <summary>The new token (shown once), or why none was issued (unknown tenant, too many live tokens, a stale form).</summary>
    /// <param name="expectedGeneration">The rotation count the caller saw; a resubmitted console form rotates nothing.</param>
    public async Task<ScimTokenRotationOutcome> RotateAsync(string tenantId, TimeSpan previousTokenValidFor, int? expectedGeneration = null)
    {
        var rotation = await grains.GetGrain<ITenantGrain>(tenantId).RotateScimTokenAsync(previousTokenValidFor, expectedGeneration);
        if (rotation.Outcome.Succeeded)
        {
            cache.ForgetTenant(tenantId);
        }

        return rotation;
    }
}
