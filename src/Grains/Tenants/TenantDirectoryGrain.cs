using Orleans.Concurrency;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Tenants.Storage;

namespace Total.Grains.Tenants;

/// <inheritdoc cref="ITenantDirectoryGrain"/>
/// <remarks>Stateless: one row per tenant in <see cref="ITenantCatalog"/>, so onboarding costs the same at 10 or 10,000 tenants.</remarks>
[StatelessWorker]
public sealed class TenantDirectoryGrain(ITenantCatalog catalog) : Grain, ITenantDirectoryGrain
{
    public Task AddAsync(TenantSummary tenant) => catalog.UpsertAsync(tenant);

    public Task RemoveAsync(string tenantId) => catalog.RemoveAsync(tenantId);

    public async Task<IReadOnlyList<TenantSummary>> ListAsync() =>
        (await catalog.ListAsync()).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.TenantId, StringComparer.Ordinal).ToArray();
}
