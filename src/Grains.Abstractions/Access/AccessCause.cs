namespace Total.Grains.Abstractions.Access;

/// <summary>Why access is being recomputed: the source and the request or delta that caused it, for the access log.</summary>
[GenerateSerializer, Immutable, Alias("Total.AccessCause")]
public sealed record AccessCause(
    [property: Id(0)] AccessChangeSource Source,
    [property: Id(1)] string Detail)
{
    public static AccessCause Scim(string detail) => new(AccessChangeSource.Scim, detail);

    /// <summary><paramref name="what"/> changed through SCIM, followed by <paramref name="request"/> (the call that did it) when known.</summary>
    public static AccessCause Scim(string what, string? request) => new(AccessChangeSource.Scim, WithRequest(what, request));

    public static AccessCause Graph(string detail) => new(AccessChangeSource.Graph, detail);

    public static AccessCause Settings(string detail) => new(AccessChangeSource.Settings, detail);

    /// <summary><paramref name="what"/> changed in the settings, followed by <paramref name="request"/> (who saved them, how) when known.</summary>
    public static AccessCause Settings(string what, string? request) => new(AccessChangeSource.Settings, WithRequest(what, request));

    private static string WithRequest(string what, string? request) => request is null ? what : $"{what} ({request})";
}
