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
}

/// <summary>A parsed list request: RFC 7644 §3.4.2 filter, sort and 1-based paging.</summary>
[GenerateSerializer, Immutable, Alias("Total.DirectoryQueryRequest")]
public sealed record DirectoryQuery(
    [property: Id(0)] string? Filter,
    [property: Id(1)] string? SortBy,
    [property: Id(2)] bool Descending,
    [property: Id(3)] int StartIndex,
    [property: Id(4)] int Count);

/// <summary>One page of matches, or an error (an invalid filter) in SCIM terms.</summary>
[GenerateSerializer, Immutable, Alias("Total.DirectoryPage")]
public sealed record DirectoryPage(
    [property: Id(0)] int TotalResults,
    [property: Id(1)] IReadOnlyList<string> Resources,
    [property: Id(2)] ScimOutcome? Error = null);
