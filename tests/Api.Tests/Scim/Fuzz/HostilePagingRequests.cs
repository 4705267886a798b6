using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Paging, sorting and projection parameters out of range or of the wrong form (negative, huge, fractional,
/// non-ASCII digits, repeated), in the query string and in <c>POST /.search</c>, on the victim (reads: 200 with at
/// most 1,000 resources, or 400).
/// </summary>
public static class HostilePagingRequests
{
    private const string Category = "paging";

    private static readonly string[] Numbers =
    [
        "-1", "0", "1", "-2147483649", "2147483647", "2147483648", "9223372036854775807", "99999999999999999999999999", "-99999999999999999999",
        "1e3", "1.5", "1.0", "-0", "+5", " 5", "5 ", "0x10", "abc", "", "NaN", "Infinity", "١٢", "１", "5,6", "5%00", "1000000",
    ];

    private static readonly string[] JsonNumbers = ["-1", "0", "1.5", "1e3", "1e400", "-1e400", "99999999999999999999999999", "2147483648", "\"7\"", "\"x\"", "true", "null", "[]", "{}"];

    private static readonly string[] Names = ["userName", "name.familyName", "emails", "emails.value", "meta.lastModified", "members", "id", "nosuch", "urn:x:y", "", ",,,", "name..x", "😀"];

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var endpoint = corpus.Pick(FuzzCorpus.Endpoints);
            if (corpus.Chance(0.7))
            {
                var parameters = Enumerable.Range(0, corpus.Random.Next(1, 6)).Select(_ => corpus.Random.Next(6) switch
                {
                    0 => "count=" + Uri.EscapeDataString(corpus.Pick(Numbers)),
                    1 => "startIndex=" + Uri.EscapeDataString(corpus.Pick(Numbers)),
                    2 => "sortBy=" + Uri.EscapeDataString(corpus.Pick(Names)),
                    3 => "sortOrder=" + Uri.EscapeDataString(corpus.Pick(["ascending", "DESCENDING", "sideways", "", "-1"])),
                    4 => "attributes=" + Uri.EscapeDataString(string.Join(",", Enumerable.Range(0, corpus.Random.Next(1, 200)).Select(_ => corpus.Pick(Names)))),
                    _ => "excludedAttributes=" + Uri.EscapeDataString(corpus.Pick(Names)),
                });
                yield return corpus.Victim.Request(Category, "GET", $"{endpoint}?{string.Join("&", parameters)}", null, mustBeRefused: false);
            }
            else
            {
                var search = $$"""{"startIndex":{{corpus.Pick(JsonNumbers)}},"count":{{corpus.Pick(JsonNumbers)}},"sortBy":{{EntraBodies.Quote(corpus.Pick(Names))}}}""";
                yield return corpus.Victim.Request(Category, "POST", $"{endpoint}/.search", Utf8(search), mustBeRefused: false);
            }
        }
    }
}
