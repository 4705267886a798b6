using Total.Grains.Abstractions.Tenants;
using Total.Grains.Storage;

namespace Total.Grains.Tenants;

/// <inheritdoc cref="ITenantDirectoryGrain"/>
public sealed class TenantDirectoryGrain(
    [PersistentState(GrainStorage.TenantDirectoryState, GrainStorage.ProviderName)] IPersistentState<TenantDirectoryState> state)
    : Grain, ITenantDirectoryGrain
{
    public async Task AddAsync(TenantSummary tenant)
    {
        state.State.Tenants[tenant.TenantId] = tenant;
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string tenantId)
    {
        if (state.State.Tenants.Remove(tenantId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<TenantSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TenantSummary>>(
            state.State.Tenants.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.TenantId, StringComparer.Ordinal).ToArray());
}

[GenerateSerializer, Alias("Total.TenantDirectoryState")]
public sealed class TenantDirectoryState
{
    [Id(0)] public Dictionary<string, TenantSummary> Tenants { get; set; } = new(StringComparer.Ordinal);
}
