using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Header abuse. Valid deletes and renames of the victim's data with a wrong, malformed, huge or duplicated
/// <c>Authorization</c> (401, or 431 from Kestrel) or a garbage, huge or duplicated <c>If-Match</c> that never names the
/// current version (400 or 412); garbage, huge and duplicated <c>Content-Type</c>, many or huge other headers on reads.
/// </summary>
public static class HostileHeaderRequests
{
    private const string Category = "headers";

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=----x", "*/*", ";;;",
        "application/scim+json; charset=utf-16", "application/json; charset=\"", "application/scim+json; charset=ebcdic", "", " ",
        "application/scim+json, application/json", "application/scim+json; q=0.1; q=0.2; boundary", "text/html; charset=utf-8",
    ];

    private static readonly string[] IfMatchValues =
    [
        "W/\"1000000\"", "\"1000000\"", "W/\"abc\"", "W/", "W/\"", "\"unterminated", "W/x", "garbage", ",", ", ,", "W/\"1000000\", W/\"2000000\"",
        "\"-1\"", "W/\"99999999999999999999999\"", "W/\"1000000\" W/\"2000000\"", "%22", "W/\"\\\"\"",
    ];

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var write = VictimWrite(corpus);
            var bearer = "Bearer " + corpus.Victim.Token;
            switch (corpus.Random.Next(8))
            {
                case 0 or 1:
                    var authorization = corpus.Random.Next(12) switch
                    {
                        0 => [],
                        1 => [Header("Authorization", "")],
                        2 => [Header("Authorization", "Bearer")],
                        3 => [Header("Authorization", "Basic " + Convert.ToBase64String(Utf8("admin:" + corpus.Victim.Token)))],
                        4 => [Header("Authorization", "Bearer " + corpus.Playground.Token)],
                        5 => [Header("Authorization", bearer + "x")],
                        6 => [Header("Authorization", "Bearer x" + corpus.Victim.Token)],
                        7 => [Header("Authorization", bearer), Header("Authorization", bearer)],
                        8 => [Header("Authorization", bearer), Header("Authorization", "Bearer " + corpus.Playground.Token)],
                        9 => [Header("Authorization", "Token " + corpus.Victim.Token)],
                        10 => [Header("Authorization", corpus.Victim.Token)],
                        _ => new[] { Header("Authorization", bearer + " " + corpus.Victim.Token) },
                    };
                    yield return write with { Headers = authorization };
                    break;
                case 2:
                    var huge = "Bearer " + new string('t', corpus.Chance(0.5) ? corpus.Random.Next(513, 8000) : corpus.Random.Next(40_000, 100_000));
                    yield return write with { Headers = [Header("Authorization", huge)], MayBeRefusedByKestrel = true };
                    break;
                case 3 or 4:
                    var ifMatch = corpus.Chance(0.9)
                        ? Enumerable.Range(0, corpus.Random.Next(1, 3)).Select(_ => Header("If-Match", corpus.Pick(IfMatchValues)))
                        : [Header("If-Match", string.Join(", ", Enumerable.Repeat("W/\"1000000\"", corpus.Random.Next(100, 5000))))];
                    yield return write with { Headers = [Header("Authorization", bearer), .. ifMatch], MayBeRefusedByKestrel = true };
                    break;
                case 5:
                    var contentTypes = corpus.Chance(0.8)
                        ? Enumerable.Range(0, corpus.Random.Next(1, 4)).Select(_ => corpus.Pick(ContentTypes)).ToList()
                        : ["application/scim+json; x=" + new string('y', corpus.Random.Next(1000, 20_000))];
                    var broken = corpus.Chance(0.5);
                    yield return (broken ? corpus.VictimWrite(Category, Utf8("{\"Operations\":[")) : corpus.PlaygroundWrite(Category, Utf8(corpus.ValidBody()))) with { ContentType = contentTypes, MayBeRefusedByKestrel = true };
                    break;
                case 6:
                    var many = Enumerable.Range(0, corpus.Random.Next(50, 300)).Select(i => Header($"X-Fuzz-{i}", new string('h', corpus.Random.Next(1, 200))));
                    yield return corpus.Victim.Request(Category, "GET", "Users?count=1", null, mustBeRefused: false) with { Headers = [Header("Authorization", bearer), .. many], MayBeRefusedByKestrel = true };
                    break;
                default:
                    var odd = corpus.Pick(new[] { Header("Accept", "text/html"), Header("Accept", new string('a', 30_000)), Header("Accept-Charset", "ebcdic"), Header("X-HTTP-Method-Override", "DELETE"), Header("Expect", "100-continue"), Header("Host", "evil.example"), Header("Content-Encoding", "gzip") });
                    yield return corpus.Victim.Request(Category, "GET", $"Users/{corpus.Pick(corpus.Victim.UserIds)}", null, mustBeRefused: false) with { Headers = [Header("Authorization", bearer), odd], MayBeRefusedByKestrel = true };
                    break;
            }
        }
    }

    /// <summary>A write that would succeed with the victim's token and no precondition: deletes and renames.</summary>
    private static FuzzRequest VictimWrite(FuzzCorpus corpus) => corpus.Random.Next(4) switch
    {
        0 => corpus.Victim.Request(Category, "DELETE", $"Users/{corpus.Pick(corpus.Victim.UserIds)}", null, mustBeRefused: true),
        1 => corpus.Victim.Request(Category, "DELETE", $"Groups/{corpus.Pick(corpus.Victim.GroupIds)}", null, mustBeRefused: true),
        2 => corpus.Victim.Request(Category, "PATCH", $"Users/{corpus.Pick(corpus.Victim.UserIds)}", Utf8(EntraBodies.Patch(EntraBodies.Op("Replace", "displayName", $"\"Hijacked {corpus.Random.Next()}\""))), mustBeRefused: true),
        _ => corpus.Victim.Request(Category, "PATCH", $"Groups/{corpus.Pick(corpus.Victim.GroupIds)}", Utf8(EntraBodies.Patch(EntraBodies.Op("Remove", "members", null))), mustBeRefused: true),
    };

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);
}
