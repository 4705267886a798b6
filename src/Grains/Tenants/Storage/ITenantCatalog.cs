using Total.Grains.Abstractions.Tenants;

namespace Total.Grains.Tenants.Storage;

/// <summary>The list of onboarded tenants, one row each: PostgreSQL in single-node and cluster modes, memory in embedded mode.</summary>
public interface ITenantCatalog
{
    Task UpsertAsync(TenantSummary tenant, CancellationToken cancellationToken = default);

    Task RemoveAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TenantSummary>> ListAsync(CancellationToken cancellationToken = default);
}
