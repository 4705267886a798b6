namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// The list of onboarded tenants, for operators: one row per tenant in the database, read and written through a
/// stateless grain.
/// </summary>
[Alias("Total.TenantDirectory")]
public interface ITenantDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The single directory's key.</summary>
    public const string Key = "all";

    [Alias("Add")]
    Task AddAsync(TenantSummary tenant);

    [Alias("Remove")]
    Task RemoveAsync(string tenantId);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<TenantSummary>> ListAsync();
}

[GenerateSerializer, Immutable, Alias("Total.TenantSummary")]
public sealed record TenantSummary(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid EntraTenantId,
    [property: Id(3)] DateTimeOffset CreatedAt);
