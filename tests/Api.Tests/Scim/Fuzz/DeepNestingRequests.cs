using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Bodies nested deeper than the 32 levels allowed (33 up to 100,000, arrays and objects, balanced or not, as a
/// PATCH value or an attribute): refused by the victim. Depths around the limit go to the playground.
/// </summary>
public static class DeepNestingRequests
{
    private const string Category = "deep-nesting";
    private const int MaxJsonDepth = 32;

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var tooDeep = corpus.Random.Next(5) switch
            {
                0 => MaxJsonDepth + 1,
                1 => corpus.Random.Next(MaxJsonDepth + 1, 100),
                2 => corpus.Random.Next(100, 5000),
                _ => corpus.Random.Next(5000, 100_000),
            };
            yield return corpus.VictimWrite(Category, Utf8(Nested(corpus, tooDeep)));
            yield return corpus.PlaygroundWrite(Category, Utf8(Nested(corpus, corpus.Random.Next(MaxJsonDepth - 4, MaxJsonDepth + 4))));
        }
    }

    /// <summary>A body whose deepest value is exactly <paramref name="depth"/> levels down (the body itself is level 1).</summary>
    private static string Nested(FuzzCorpus corpus, int depth)
    {
        var (body, levelsAbove) = corpus.Random.Next(3) switch
        {
            0 => (EntraBodies.Patch(EntraBodies.Op("Add", "title", "INNER")), 3),
            1 => ("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"deep@contoso.example","x":INNER}""", 1),
            _ => ("""{"Operations":[{"op":"add","value":{"title":INNER}}]}""", 4),
        };
        var arrays = Enumerable.Range(0, Math.Max(1, depth - levelsAbove)).Select(_ => corpus.Chance(0.5)).ToList();
        var opens = string.Concat(arrays.Select(array => array ? "[" : "{\"a\":"));
        var closes = corpus.Chance(0.9) ? string.Concat(Enumerable.Reverse(arrays).Select(array => array ? "]" : "}")) : "";
        return body.Replace("INNER", opens + "1" + closes, StringComparison.Ordinal);
    }
}
