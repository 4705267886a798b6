using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Strings over the 4,096-character attribute limit (ASCII, accented, emoji) in every stored string the victim has,
/// made-up member ids as long as a body, and bodies over 1 MiB (some chunked, without Content-Length): all refused.
/// The playground gets values at the limit and long arrays.
/// </summary>
public static class HugeValueRequests
{
    private const string Category = "huge-values";
    private const int MaxStringLength = 4096;
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly string[] UserStringPaths =
    [
        "userName", "displayName", "title", "externalId", "nickName", "name.givenName", "name.familyName",
        "emails[type eq \"work\"].value", $"{EntraShapes.EnterpriseUser}:department",
    ];

    private static readonly string[] Fillers = ["x", "é", "😀", "\u0301", " "];

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var huge = Huge(corpus, corpus.Random.Next(MaxStringLength + 1, corpus.Chance(0.8) ? 10_000 : 200_000));
            switch (corpus.Random.Next(10))
            {
                case 0 or 1 or 2:
                    yield return corpus.Victim.Request(Category, "PATCH", $"Users/{corpus.Pick(corpus.Victim.UserIds)}", Utf8(EntraBodies.Patch(EntraBodies.Op(corpus.Pick(["Replace", "Add"]), corpus.Pick(UserStringPaths), EntraBodies.Quote(huge)))), mustBeRefused: true);
                    break;
                case 3:
                    yield return corpus.Victim.Request(Category, "PATCH", $"Groups/{corpus.Pick(corpus.Victim.GroupIds)}", Utf8(EntraBodies.Patch(EntraBodies.Op("Replace", corpus.Pick(["displayName", "externalId"]), EntraBodies.Quote(huge)))), mustBeRefused: true);
                    break;
                case 4:
                    yield return corpus.Victim.Request(Category, "PATCH", $"Groups/{corpus.Pick(corpus.Victim.GroupIds)}", Utf8(EntraBodies.AddMembers([huge])), mustBeRefused: true);
                    break;
                case 5:
                    yield return corpus.Victim.Request(Category, "POST", "Users", Utf8(EntraBodies.User(huge, corpus.UnknownId())), mustBeRefused: true);
                    break;
                case 6:
                    yield return corpus.Victim.Request(Category, "POST", "Groups", Utf8(EntraBodies.Group(huge, corpus.UnknownId())), mustBeRefused: true);
                    break;
                case 7:
                    var oversized = EntraBodies.Patch(EntraBodies.Op("Replace", "title", EntraBodies.Quote(new string('x', MaxBodyBytes + corpus.Random.Next(1, MaxBodyBytes / 2)))));
                    yield return corpus.VictimWrite(Category, Utf8(oversized)) with { Chunked = corpus.Chance(0.5) };
                    break;
                case 8:
                    yield return corpus.PlaygroundWrite(Category, Utf8(EntraBodies.Patch(EntraBodies.Op("Replace", corpus.Pick(UserStringPaths), EntraBodies.Quote(new string('y', MaxStringLength))))));
                    break;
                default:
                    var emails = string.Join(",", Enumerable.Range(0, corpus.Random.Next(100, 5000)).Select(i => $$"""{"value":"e{{i}}@contoso.example","type":"other"}"""));
                    yield return corpus.PlaygroundWrite(Category, Utf8(EntraBodies.Patch(EntraBodies.Op("Add", "emails", $"[{emails}]"))));
                    break;
            }
        }
    }

    private static string Huge(FuzzCorpus corpus, int length)
    {
        var filler = corpus.Pick(Fillers);
        return string.Concat(Enumerable.Repeat(filler, (length / filler.Length) + 1));
    }
}
