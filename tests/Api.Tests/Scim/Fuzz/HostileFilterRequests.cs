using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Filters: random edits of Entra's filters and random text, in the query string and in <c>POST /.search</c> (reads,
/// so they may succeed); and filters over the limits (longer than 4,096 characters, more than 64 terms, nested deeper
/// than 16, nested value paths, NUL, lone surrogate escapes), which must be refused. A filter on a discovery endpoint is 403.
/// </summary>
public static class HostileFilterRequests
{
    private const string Category = "filters";

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var tenant = corpus.Chance(0.85) ? corpus.Victim : corpus.Playground;
            var endpoint = corpus.Pick(FuzzCorpus.Endpoints);
            switch (corpus.Random.Next(10))
            {
                case 0 or 1 or 2:
                    yield return Get(tenant, endpoint, corpus.Mutate(corpus.Pick(EntraShapes.Filters(corpus.Pick(corpus.Victim.UserIds)))), mustBeRefused: false);
                    break;
                case 3:
                    yield return Search(tenant, endpoint, corpus.Mutate(corpus.Pick(EntraShapes.Filters(corpus.UnknownId()))), mustBeRefused: false);
                    break;
                case 4:
                    yield return Get(tenant, endpoint, corpus.Garbage(200), mustBeRefused: false);
                    break;
                case 5:
                    var tooLong = "userName eq \"" + new string('a', corpus.Random.Next(4097, corpus.Chance(0.5) ? 7000 : 100_000)) + "\"";
                    yield return corpus.Chance(0.3) ? Get(tenant, endpoint, tooLong, mustBeRefused: true) with { MayBeRefusedByKestrel = true } : Search(tenant, endpoint, tooLong, mustBeRefused: true);
                    break;
                case 6:
                    var terms = Enumerable.Range(0, corpus.Random.Next(65, 2000)).Select(i => $"title eq \"{i}\"");
                    yield return Search(tenant, endpoint, string.Join(corpus.Pick([" or ", " and "]), terms), mustBeRefused: true);
                    break;
                case 7:
                    var depth = corpus.Random.Next(17, corpus.Chance(0.5) ? 40 : 2000);
                    var (open, close) = corpus.Pick([("(", ")"), ("not (", ")"), ("emails[", "]")]);
                    var deep = string.Concat(Enumerable.Repeat(open, depth)) + "type pr" + (corpus.Chance(0.8) ? string.Concat(Enumerable.Repeat(close, depth)) : "");
                    yield return Search(tenant, endpoint, deep, mustBeRefused: true);
                    break;
                case 8:
                    var invalid = corpus.Pick(["userName eq \"a\\u0000\"", "userName eq \"\\ud800\"", "userName eq \"\\udfff\\ud800\"", "emails[type eq \"work\" and members[value eq \"x\"]]", "userName eq \"unterminated", "userName zz \"x\"", "(userName pr", "userName pr)"]);
                    yield return corpus.Chance(0.5) ? Get(tenant, endpoint, invalid, mustBeRefused: true) : Search(tenant, endpoint, invalid, mustBeRefused: true);
                    break;
                default:
                    var discovery = corpus.Pick(["ServiceProviderConfig", "ResourceTypes", "Schemas"]);
                    yield return tenant.Request(Category, "GET", $"{discovery}?filter={Uri.EscapeDataString(corpus.Mutate("userName eq \"x\""))}", null, mustBeRefused: true);
                    break;
            }
        }
    }

    private static FuzzRequest Get(FuzzTenant tenant, string endpoint, string filter, bool mustBeRefused) =>
        tenant.Request(Category, "GET", $"{endpoint}?filter={Uri.EscapeDataString(filter)}", null, mustBeRefused);

    private static FuzzRequest Search(FuzzTenant tenant, string endpoint, string filter, bool mustBeRefused) =>
        tenant.Request(Category, "POST", $"{endpoint}/.search", Utf8($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":{{EntraBodies.Quote(filter)}}}"""), mustBeRefused);
}
