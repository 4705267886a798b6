using System.Collections.Concurrent;

namespace Total.DevStandIns.Entra;

/// <summary>
/// The verified domains of the stand-in's tenants (as Entra knows each tenant's verified domains), so discovery
/// by domain (<c>/{domain}/v2.0/.well-known/openid-configuration</c>) answers as Entra's does.
/// </summary>
public sealed class StandInDomains
{
    private readonly ConcurrentDictionary<string, Guid> _tenants = new(StringComparer.OrdinalIgnoreCase);

    public void Verify(string domain, Guid entraTenantId) => _tenants[domain.TrimEnd('.')] = entraTenantId;

    public Guid? TenantOf(string domain) => _tenants.TryGetValue(domain.TrimEnd('.'), out var tid) ? tid : null;
}
