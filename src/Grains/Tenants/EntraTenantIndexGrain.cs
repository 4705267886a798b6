using Total.Grains.Abstractions.Tenants;
using Total.Grains.Storage;

namespace Total.Grains.Tenants;

/// <inheritdoc cref="IEntraTenantIndexGrain"/>
/// <remarks>One activation per Entra tenant id serialises competing claims, so two operators racing to onboard
/// the same Entra tenant get exactly one success.</remarks>
public sealed class EntraTenantIndexGrain(
    [PersistentState(GrainStorage.EntraTenantIndexState, GrainStorage.ProviderName)] IPersistentState<EntraTenantIndexState> state)
    : Grain, IEntraTenantIndexGrain
{
    public async Task<bool> ClaimAsync(string tenantId)
    {
        if (state.State.TenantId is { } owner)
        {
            return owner == tenantId;
        }

        state.State.TenantId = tenantId;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(string tenantId)
    {
        if (state.State.TenantId == tenantId)
        {
            await state.ClearStateAsync();
            state.State = new EntraTenantIndexState();
        }
    }

    public Task<string?> GetOwnerAsync() => Task.FromResult(state.State.TenantId);
}

[GenerateSerializer, Alias("Total.EntraTenantIndexState")]
public sealed class EntraTenantIndexState
{
    [Id(0)] public string? TenantId { get; set; }
}
