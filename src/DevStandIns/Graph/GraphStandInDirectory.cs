using System.Collections.Concurrent;

namespace Total.DevStandIns.Graph;

/// <summary>
/// The Microsoft Graph stand-in's directories, one per Entra tenant (chosen by the access token's <c>tid</c>).
/// A singleton tests reach through <c>Server.Services</c>; always registered, served only while the local
/// Entra stand-in is active (Development only).
/// </summary>
public sealed class GraphStandInDirectory(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, GraphStandInTenant> _tenants = new();

    /// <summary>The tenant's directory, created empty on first use.</summary>
    public GraphStandInTenant Tenant(Guid entraTenantId) => _tenants.GetOrAdd(entraTenantId, id => new GraphStandInTenant(id, time));

    /// <summary>Forgets the tenant: groups, changes, knobs and counters.</summary>
    public void Reset(Guid entraTenantId) => _tenants.TryRemove(entraTenantId, out _);
}
