namespace Total.Grains.Abstractions.Directory;

/// <summary>
/// One shard of a tenant's query projection of users or groups, keyed <c>{tenantId}/{User|Group}/{shard}</c>.
/// Resources land in the shard of their unique key (lower-cased userName or displayName), so the shard also
/// serialises uniqueness claims for those keys. Loaded from the store when activated; the user and group
/// grains keep it current as they write.
/// </summary>
[Alias("Total.DirectoryShard")]
public interface IDirectoryShardGrain : IGrainWithStringKey
{
    /// <summary>
    /// The id that holds <paramref name="uniqueKey"/> when it is not <paramref name="id"/>, else null. Reserves nothing:
    /// the store's unique index arbitrates names. Kept only for silos of the previous version during a rolling deploy
    /// (they claimed before writing); remove in the release after.
    /// </summary>
    [Alias("Claim")]
    [Obsolete("The store's unique index arbitrates names; kept for mixed-version clusters during a rolling deploy.")]
    Task<string?> ClaimAsync(string uniqueKey, string id);

    /// <summary>Does nothing (nothing is reserved); kept with <see cref="ClaimAsync"/> for the previous version's silos.</summary>
    [Alias("Release")]
    [Obsolete("Nothing is reserved; kept for mixed-version clusters during a rolling deploy.")]
    Task ReleaseAsync(string uniqueKey, string id);

    [Alias("Upsert")]
    Task UpsertAsync(DirectoryEntry entry);

    [Alias("Remove")]
    Task RemoveAsync(string id);

    /// <summary>
    /// Forgets what the shard holds in memory; it reloads from the database on its next call. After a write whose
    /// outcome is unknown (the database failed mid-call), the database is the only truth.
    /// </summary>
    [Alias("Reset")]
    Task ResetAsync();

    /// <summary>Matches of a SCIM filter (null = all) in this shard, best first by the sort, at most <c>Top</c> of them, and how many matched.</summary>
    [Alias("Query"), ReadOnly]
    Task<ShardQueryResult> QueryAsync(ShardQuery query);

    /// <summary>The resource of this shard that holds a unique name (userName or displayName, compared as unique keys are), if any.</summary>
    [Alias("FindByName"), ReadOnly]
    Task<ShardHit?> FindByNameAsync(string name);

    /// <summary>The resources of this shard whose externalId is <paramref name="externalId"/>, ignoring case (Entra object ids are GUIDs).</summary>
    [Alias("FindByExternalId"), ReadOnly]
    Task<IReadOnlyList<ShardHit>> FindByExternalIdAsync(string externalId);

    /// <summary>The resources of <paramref name="ids"/> that this shard holds, with their ids.</summary>
    [Alias("GetResources"), ReadOnly]
    Task<IReadOnlyList<ShardHit>> GetResourcesAsync(IReadOnlyList<string> ids);
}

/// <param name="Filter">The filter's text: what a silo of the previous release reads.</param>
/// <param name="ParsedFilter">The same filter, parsed where the request arrived.</param>
[GenerateSerializer, Immutable, Alias("Total.ShardQuery")]
public sealed record ShardQuery(
    [property: Id(0)] string? Filter,
    [property: Id(1)] string? SortBy,
    [property: Id(2)] bool Descending,
    [property: Id(3)] int Top,
    [property: Id(4)] bool IncludeResources = false,
    [property: Id(5)] ScimFilter? ParsedFilter = null);

[GenerateSerializer, Immutable, Alias("Total.ShardQueryResult")]
public sealed record ShardQueryResult(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<ShardHit> Hits);

[GenerateSerializer, Immutable, Alias("Total.ShardHit")]
public sealed record ShardHit(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Resource);
