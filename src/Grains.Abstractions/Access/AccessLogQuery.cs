namespace Total.Grains.Abstractions.Access;

/// <summary>A page of a tenant's access log, newest first.</summary>
/// <param name="Before">Only events with a smaller sequence (the previous page's last), or null for the newest.</param>
/// <param name="Kind">Only grants or only revocations, or both.</param>
/// <param name="Source">Only one source, or all.</param>
[GenerateSerializer, Immutable, Alias("Total.AccessLogQuery")]
public sealed record AccessLogQuery(
    [property: Id(0)] long? Before,
    [property: Id(1)] int Take,
    [property: Id(2)] AccessEventKind? Kind = null,
    [property: Id(3)] AccessChangeSource? Source = null,
    [property: Id(4)] string? UserId = null);
