namespace Total.Grains.Abstractions.Access;

/// <summary>
/// The request that set a change in motion (e.g. <c>PATCH /scim/v2/acme/Groups/42 · trace 4bf9…</c>), carried to
/// the grains in Orleans' <see cref="RequestContext"/> so an access-log entry can name it.
/// </summary>
public static class AccessCallContext
{
    private const string Key = "total.request";

    public static void Set(string description) => RequestContext.Set(Key, description);

    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary><paramref name="what"/>, followed by the request that caused it when there is one.</summary>
    public static string Describe(string what) => Current is { } request ? $"{what} ({request})" : what;
}
