namespace Total.Grains.Abstractions.Directory;

/// <summary>A resource as the query projection keeps it: its JSON plus the keys it is looked up by.</summary>
[GenerateSerializer, Immutable, Alias("Total.DirectoryEntry")]
public sealed record DirectoryEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string UniqueKey,
    [property: Id(2)] string? ExternalId,
    [property: Id(3)] string Resource);
