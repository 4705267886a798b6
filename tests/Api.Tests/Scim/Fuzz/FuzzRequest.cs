using System.Text;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// One hostile request of the fuzz corpus. <see cref="MustBeRefused"/> requests target the victim tenant's data and
/// must get a 4xx; the others may succeed (reads, or writes to the playground tenant and to ids that do not exist).
/// </summary>
public sealed record FuzzRequest(string Category, string Method, Uri Url, byte[]? Body, bool MustBeRefused)
{
    public const string ScimMediaType = "application/scim+json";

    /// <summary>Request headers, <c>Authorization</c> included (content headers go in <see cref="ContentType"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The <c>Content-Type</c> values sent with a body (none, one, or several).</summary>
    public IReadOnlyList<string> ContentType { get; init; } = [ScimMediaType];

    /// <summary>Send the body chunked, without <c>Content-Length</c>.</summary>
    public bool Chunked { get; init; }

    /// <summary>Kestrel may refuse it before the app runs (a URL or headers over its limits, NUL in the path): 400, 414 or 431 without a body.</summary>
    public bool MayBeRefusedByKestrel { get; init; }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>What a failure report shows: never more than a few hundred characters of URL and body.</summary>
    public string Describe()
    {
        var url = Url.PathAndQuery;
        var body = Body is null ? "(no body)" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 200)).Replace("\0", "\\0", StringComparison.Ordinal);
        return $"[{Category}] {Method} {(url.Length <= 200 ? url : url[..200] + "…")} ({Body?.Length ?? 0} bytes: {body})";
    }
}
