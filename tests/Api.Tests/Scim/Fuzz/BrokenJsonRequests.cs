using System.Text;
using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Bodies that are not one well-formed UTF-8 JSON object: truncated, with NUL bytes, invalid UTF-8, trailing
/// garbage, JSON5-isms, duplicate names, the wrong top-level value, UTF-16 (all must be refused, so they go to the
/// victim); and random edits to structural tokens and byte order marks (which may still parse: playground).
/// </summary>
public static class BrokenJsonRequests
{
    private const string Category = "broken-json";

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0xBC], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0x80],
    ];

    private static readonly string[] TopLevelValues = ["[]", "[{}]", "\"text\"", "42", "null", "true", "", "   ", "\ufeff"];

    private static readonly string[] TrailingGarbage = ["x", "}", "{}", ",", "]", "\"", "// comment", "/* */", "\u0001"];

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var valid = corpus.ValidBody();
            switch (corpus.Random.Next(11))
            {
                case 0:
                    yield return corpus.VictimWrite(Category, Utf8(valid[..corpus.Random.Next(valid.LastIndexOf('}'))]));
                    break;
                case 1:
                    yield return corpus.VictimWrite(Category, Insert(corpus, Utf8(valid), [0x00]));
                    break;
                case 2:
                    yield return corpus.VictimWrite(Category, Insert(corpus, Utf8(valid), corpus.Pick(InvalidUtf8)));
                    break;
                case 3:
                    yield return corpus.VictimWrite(Category, Utf8(valid + corpus.Pick(TrailingGarbage)));
                    break;
                case 4:
                    yield return corpus.VictimWrite(Category, Utf8(Json5(corpus, valid)));
                    break;
                case 5:
                    yield return corpus.VictimWrite(Category, Utf8(valid.Insert(valid.IndexOf('{') + 1, "\"schemas\":[],")));
                    break;
                case 6:
                    yield return corpus.VictimWrite(Category, Utf8(corpus.Pick(TopLevelValues)));
                    break;
                case 7:
                    yield return corpus.VictimWrite(Category, corpus.Chance(0.5) ? Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(valid)).ToArray() : Encoding.UTF32.GetBytes(valid));
                    break;
                case 8:
                    yield return corpus.PlaygroundWrite(Category, Encoding.UTF8.GetPreamble().Concat(Utf8(corpus.Chance(0.5) ? valid : corpus.Mutate(valid))).ToArray());
                    break;
                default:
                    yield return corpus.PlaygroundWrite(Category, Utf8(MutateStructure(corpus, valid)));
                    break;
            }
        }
    }

    private static byte[] Insert(FuzzCorpus corpus, byte[] body, byte[] inserted)
    {
        var at = corpus.Random.Next(body.Length + 1);
        return [.. body.AsSpan(0, at), .. inserted, .. body.AsSpan(at)];
    }

    /// <summary>Valid JSON5, invalid JSON: single quotes, a trailing comma, a comment, NaN, a hexadecimal number, an unquoted name.</summary>
    private static string Json5(FuzzCorpus corpus, string valid) => corpus.Random.Next(6) switch
    {
        0 => valid.Replace('"', '\''),
        1 => valid[..valid.LastIndexOf('}')] + ",}",
        2 => valid.Insert(valid.IndexOf('{') + 1, "/* c */"),
        3 => valid.Insert(valid.IndexOf('{') + 1, "\"n\":NaN,"),
        4 => valid.Insert(valid.IndexOf('{') + 1, "\"n\":0x1F,"),
        _ => valid.Insert(valid.IndexOf('{') + 1, "schemas:[],"),
    };

    /// <summary>Deletes, doubles or swaps JSON punctuation, or splices in a hostile token.</summary>
    private static string MutateStructure(FuzzCorpus corpus, string valid)
    {
        var structural = valid.Select((c, i) => (c, i)).Where(x => x.c is '{' or '}' or '[' or ']' or ':' or ',' or '"').Select(x => x.i).ToList();
        var at = corpus.Pick(structural);
        return corpus.Random.Next(4) switch
        {
            0 => valid.Remove(at, 1),
            1 => valid.Insert(at, valid[at].ToString()),
            2 => valid.Remove(at, 1).Insert(at, corpus.Pick(new[] { "{", "}", "[", "]", ":", ",", "\"" })),
            _ => corpus.Mutate(valid),
        };
    }
}
