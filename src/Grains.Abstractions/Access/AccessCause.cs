namespace Total.Grains.Abstractions.Access;

/// <summary>Why access is being recomputed: the source and the request or delta that caused it, for the access log.</summary>
[GenerateSerializer, Immutable, Alias("Total.AccessCause")]
public sealed record AccessCause(
    [property: Id(0)] AccessChangeSource Source,
    [property: Id(1)] string Detail)
{
    public static AccessCause Scim(string detail) => new(AccessChangeSource.Scim, detail);

    public static AccessCause Graph(string detail) => new(AccessChangeSource.Graph, detail);

    public static AccessCause Settings(string detail) => new(AccessChangeSource.Settings, detail);
}
