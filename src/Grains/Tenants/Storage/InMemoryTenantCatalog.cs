using System.Collections.Concurrent;
using Total.Grains.Abstractions.Tenants;

namespace Total.Grains.Tenants.Storage;

/// <inheritdoc cref="ITenantCatalog"/>
public sealed class InMemoryTenantCatalog : ITenantCatalog
{
    private readonly ConcurrentDictionary<string, TenantSummary> _tenants = new(StringComparer.Ordinal);

    public Task UpsertAsync(TenantSummary tenant, CancellationToken cancellationToken = default)
    {
        _tenants[tenant.TenantId] = tenant;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        _tenants.TryRemove(tenantId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TenantSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TenantSummary>>(_tenants.Values.ToList());
}
