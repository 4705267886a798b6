using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Unicode edge cases: lone surrogates and NUL as JSON escapes in stored strings (refused by the victim), combining
/// marks, right-to-left overrides, zero-width characters, 4-byte emoji, noncharacters and both normalisation forms in
/// user names (created in the playground), filters and ids (reads and unknown ids of the victim).
/// </summary>
public static class UnicodeRequests
{
    private const string Category = "unicode";

    /// <summary>Characters that trip up comparisons, rendering and encoders.</summary>
    public static readonly string[] Oddities =
    [
        "\u0301", "\u0308\u0308\u0308", "\u202e", "\u202d", "\u200f", "\u200b", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u3000",
        "😀", "👩‍👩‍👧‍👦", "🇫🇷", "\U0010FFFF", "\uFFFF", "\uFFFE", "\uFDD0", "ﬁ", "ß", "İ", "ı", "Ω", "Å", "Å", "e\u0301", "é",
        "Ａ", "𝐀", "\u0000", "\u001b[31m", "\u2028", "\u0085", "ﷺ", "ᄀ", "ǅ", "ꙮ",
    ];

    private static readonly string[] BadEscapes = ["\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d", "\\ude00\\ud83d", "\\ud800\\ud800", "\\u0000"];

    private static readonly string[] StringPaths = ["userName", "displayName", "title", "name.givenName", "externalId", $"{EntraShapes.EnterpriseUser}:department"];

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var odd = string.Concat(Enumerable.Range(0, corpus.Random.Next(1, 6)).Select(_ => corpus.Pick(Oddities)));
            switch (corpus.Random.Next(8))
            {
                case 0 or 1:
                    var escaped = $"\"ada{corpus.Pick(BadEscapes)}{corpus.Random.Next()}\"";
                    var operation = EntraBodies.Op(corpus.Pick(["Replace", "Add"]), corpus.Pick(StringPaths), escaped);
                    yield return corpus.Victim.Request(Category, "PATCH", $"Users/{corpus.Pick(corpus.Victim.UserIds)}", Utf8(EntraBodies.Patch(operation)), mustBeRefused: true);
                    break;
                case 2:
                    var user = EntraBodies.User("placeholder@contoso.example", corpus.UnknownId()).Replace("\"placeholder@contoso.example\"", $"\"lone{corpus.Pick(BadEscapes)}@contoso.example\"", StringComparison.Ordinal);
                    yield return corpus.Victim.Request(Category, "POST", "Users", Utf8(user), mustBeRefused: true);
                    break;
                case 3:
                    yield return corpus.Victim.Request(Category, "GET", $"{corpus.Pick(FuzzCorpus.Endpoints)}?filter={Uri.EscapeDataString($"userName eq {EntraBodies.Quote(odd)}")}", null, mustBeRefused: false);
                    break;
                case 4:
                    yield return corpus.Victim.Request(Category, corpus.Pick(["GET", "DELETE", "PATCH"]), $"{corpus.Pick(FuzzCorpus.Endpoints)}/{Uri.EscapeDataString(odd)}", Utf8(EntraBodies.Patch(EntraBodies.Op("replace", "displayName", "\"x\""))), mustBeRefused: true) with { MayBeRefusedByKestrel = odd.Contains('\0', StringComparison.Ordinal) };
                    break;
                case 5 or 6:
                    var userName = $"{odd}.{corpus.Random.Next()}@contoso.example";
                    yield return corpus.Playground.Request(Category, "POST", "Users", Utf8(EntraBodies.User(userName, corpus.UnknownId())), mustBeRefused: false);
                    break;
                default:
                    var rename = EntraBodies.Op("Replace", corpus.Pick(["displayName", "externalId"]), EntraBodies.Quote($"{odd}{corpus.Random.Next()}"));
                    yield return corpus.Playground.Request(Category, "PATCH", $"Groups/{corpus.Pick(corpus.Playground.GroupIds)}", Utf8(EntraBodies.Patch(rename)), mustBeRefused: false);
                    break;
            }
        }
    }
}
