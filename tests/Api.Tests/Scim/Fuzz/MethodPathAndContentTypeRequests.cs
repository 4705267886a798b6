using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Every method (standard, WebDAV, made up) on random SCIM paths (encoded dots and slashes, NUL, long and Unicode
/// segments, unknown endpoints, empty segments) of the victim, with bodies it must refuse and odd content types;
/// and random tenant ids in the SCIM URL (401 without a tenant lookup). Reads may succeed; everything else is refused.
/// </summary>
public static class MethodPathAndContentTypeRequests
{
    private const string Category = "methods-paths";

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "MKCOL", "MERGE", "FOO", "SEARCH", "QUERY"];

    private static readonly string[] Segments =
    [
        "Users", "Groups", ".search", "Schemas", "ServiceProviderConfig", "ResourceTypes", "Bulk", "Me", "..", ".", "%2e%2e", "%2E", "%2F", "%5C",
        "%00", "%0a", "%ff", "%", "%zz", "Users%2F..", "~", "*", "'", "%22", "%3Cscript%3E", "users", "USERS", "Users;x=1", "", "%20",
    ];

    private static readonly string[] ContentTypes = ["application/scim+json", "application/json", "text/plain", "application/octet-stream", "application/xml"];

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var method = corpus.Pick(Methods);
            var path = RandomPath(corpus);
            var read = method is "GET" or "HEAD";
            var body = read && corpus.Chance(0.7) ? null : Utf8(corpus.Pick(new[] { "{\"Operations\":[", "{}{}", "[]", "not json", "\u0000" }));
            if (corpus.Chance(0.85))
            {
                yield return corpus.Victim.Request(Category, method, path, body, mustBeRefused: !read) with { ContentType = [corpus.Pick(ContentTypes)], MayBeRefusedByKestrel = true };
            }
            else
            {
                var tenant = corpus.Pick(["%00", "a%2Fb", "%2e%2e", new string('t', corpus.Random.Next(65, 3000)), "démo", "tenant id", corpus.UnknownId(), corpus.Playground.TenantId.ToUpperInvariant()]);
                var url = new Uri(new Uri(corpus.Victim.BaseUrl, "/"), $"/scim/v2/{Uri.EscapeDataString(tenant)}/{path}");
                yield return new FuzzRequest(Category, method, url, body, MustBeRefused: true)
                {
                    Headers = [new("Authorization", "Bearer " + corpus.Pick([corpus.Victim.Token, corpus.Playground.Token]))],
                    MayBeRefusedByKestrel = true,
                };
            }
        }
    }

    /// <summary>
    /// One to four segments; Entra's own endpoints appear, but never with an id the victim has. Dot segments never
    /// climb above the tenant's base URL (Kestrel resolves them), so every request stays a SCIM request.
    /// </summary>
    private static string RandomPath(FuzzCorpus corpus)
    {
        var segments = new List<string>();
        var depth = 0;
        for (var count = corpus.Random.Next(1, 5); segments.Count < count;)
        {
            var segment = corpus.Random.Next(6) switch
            {
                0 => corpus.UnknownId(),
                1 => Uri.EscapeDataString(corpus.Garbage(20)),
                2 => new string('s', corpus.Random.Next(100, 3000)),
                _ => corpus.Pick(Segments),
            };
            var up = segment is ".." or "%2e%2e" || Uri.UnescapeDataString(segment) == "..";
            if (up && depth == 0)
            {
                continue;
            }

            depth += up ? -1 : segment is "." or "%2E" || Uri.UnescapeDataString(segment) == "." ? 0 : 1;
            segments.Add(segment);
        }

        return string.Join("/", segments) + (corpus.Chance(0.2) ? "/" : "") + (corpus.Chance(0.2) ? "?" + Uri.EscapeDataString(corpus.Garbage(30)) : "");
    }
}
