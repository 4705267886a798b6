using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Total.Api.Scim;

/// <summary>
/// Remembers token hashes the tenant grain accepted, for <see cref="ScimOptions.TokenCacheDuration"/>, so a
/// provisioning burst does not ask the grain on every request. Only acceptances are cached (the set stays
/// at most at a tenant's live tokens, five, whatever an attacker sends); a rotation or offboarding through this
/// process forgets the tenant at once, other API processes within the cache duration.
/// </summary>
public sealed class ScimTokenCache(IOptions<ScimOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string TenantId, string TokenHash), DateTimeOffset> _accepted = new();

    public bool IsKnownValid(string tenantId, byte[] tokenHash) =>
        _accepted.TryGetValue((tenantId, Convert.ToBase64String(tokenHash)), out var until) && until > time.GetUtcNow();

    public void RememberValid(string tenantId, byte[] tokenHash) =>
        _accepted[(tenantId, Convert.ToBase64String(tokenHash))] = time.GetUtcNow() + options.Value.TokenCacheDuration;

    public void ForgetTenant(string tenantId)
    {
        foreach (var key in _accepted.Keys.Where(k => k.TenantId == tenantId))
        {
            _accepted.TryRemove(key, out _);
        }
    }
}
