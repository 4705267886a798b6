namespace Total.Grains.Abstractions.Directory;

/// <summary>
/// Answers SCIM list/filter queries for one tenant and resource type from the directory shards, never by
/// activating user grains. Keyed <c>{tenantId}/{User|Group}</c>; stateless, so it runs where it is called.
/// </summary>
[Alias("Total.DirectoryQuery")]
public interface IDirectoryQueryGrain : IGrainWithStringKey
{
    [Alias("Query")]
    Task<DirectoryPage> QueryAsync(DirectoryQuery query);

    /// <summary>The resource that holds a unique name (a userName, a group's displayName), if any: one shard is asked.</summary>
    [Alias("FindByName")]
    Task<string?> FindByNameAsync(string name);

    /// <summary>Up to <paramref name="max"/> resources whose externalId is <paramref name="externalId"/>, ignoring case.</summary>
    [Alias("FindByExternalId")]
    Task<IReadOnlyList<string>> FindByExternalIdAsync(string externalId, int max);

    /// <summary>
    /// The groups a settings entry names: the one whose displayName it is, and those whose externalId (Entra object id)
    /// it is, both ignoring case (the rule of <c>GroupReferences.Names</c>).
    /// </summary>
    [Alias("FindGroupsNamed")]
    Task<IReadOnlyList<string>> FindGroupsNamedAsync(string entry);
}

/// <summary>A parsed list request: RFC 7644 §3.4.2 filter, sort and 1-based paging.</summary>
/// <param name="Filter">The filter's text: what a silo of the previous release reads.</param>
/// <param name="ParsedFilter">The same filter as the API parsed it, so no grain parses it again.</param>
[GenerateSerializer, Immutable, Alias("Total.DirectoryQueryRequest")]
public sealed record DirectoryQuery(
    [property: Id(0)] string? Filter,
    [property: Id(1)] string? SortBy,
    [property: Id(2)] bool Descending,
    [property: Id(3)] int StartIndex,
    [property: Id(4)] int Count,
    [property: Id(5)] ScimFilter? ParsedFilter = null)
{
    /// <summary>A query for <paramref name="filter"/> (null: everything), as typed values and as text.</summary>
    public static DirectoryQuery For(ScimFilter? filter, string? sortBy, bool descending, int startIndex, int count) =>
        new(filter?.Text, sortBy, descending, startIndex, count, filter);
}

/// <summary>One page of matches, or an error (an invalid filter) in SCIM terms.</summary>
[GenerateSerializer, Immutable, Alias("Total.DirectoryPage")]
public sealed record DirectoryPage(
    [property: Id(0)] int TotalResults,
    [property: Id(1)] IReadOnlyList<string> Resources,
    [property: Id(2)] ScimOutcome? Error = null);
