namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// Maps one Entra tenant id to the TOTAL tenant that owns it, so an Entra tenant is onboarded once and
/// sign-in can find the tenant from the token's <c>tid</c>. Keyed by the Entra tenant id ("D" format).
/// </summary>
[Alias("Total.EntraTenantIndex")]
public interface IEntraTenantIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the Entra tenant id for <paramref name="tenantId"/>; false when another tenant owns it.</summary>
    [Alias("Claim")]
    Task<bool> ClaimAsync(string tenantId);

    /// <summary>Releases the claim if <paramref name="tenantId"/> holds it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string tenantId);

    [Alias("GetOwner"), ReadOnly]
    Task<string?> GetOwnerAsync();
}
