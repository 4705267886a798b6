using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// PATCH: random edits of Entra's operations (paths, op names, values) on the playground's users and groups; and on
/// the victim only what must be refused: broken paths, paths over 1,024 characters, more than 1,000 operations, unknown
/// op names, malformed <c>Operations</c>, remove without a path, members that do not exist, a group in itself; valid
/// operations on the victim's ids through another tenant's URL (404) and on ids it does not have.
/// </summary>
public static class HostilePatchRequests
{
    private const string Category = "patch";
    private const int MaxPatchOperations = 1000;
    private const int MaxPatchPathLength = 1024;

    private static readonly string[] Ops = ["add", "replace", "remove", "Add", "Replace", "Remove", "ADD"];
    private static readonly string[] UserPaths = ["title", "active", "emails", "name", "addresses", "emails[type eq \"work\"].value", "name.givenName"];
    private static readonly string[] GroupPaths = ["members", "displayName", "externalId"];

    private static readonly string[] MalformedOperations =
    [
        """{"Operations":"Replace"}""", """{"Operations":[]}""", """{"Operations":{}}""", """{"Operations":null}""", """{"schemas":[]}""",
        """{"Operations":[42]}""", """{"Operations":[null]}""", """{"Operations":[[]]}""", """{"Operations":["add"]}""",
        """{"Operations":[{"path":"title","value":"x"}]}""", """{"Operations":[{"op":42,"path":"title","value":"x"}]}""",
        """{"Operations":[{"op":"remove"}]}""", """{"Operations":[{"op":"Remove","value":"x"}]}""",
        """{"Operations":[{"op":"replace","path":42,"value":"x"}]}""", """{"Operations":[{"op":"replace","path":{"a":1},"value":"x"}]}""",
        """{"Operations":[{"op":"replace","value":"not an object"}]}""", """{"Operations":[{"op":"add","value":[1,2]}]}""",
    ];

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            switch (corpus.Random.Next(12))
            {
                case 0 or 1 or 2:
                    yield return MutatedOnPlayground(corpus);
                    break;
                case 3:
                    var op = corpus.Mutate(corpus.Pick(Ops));
                    if (op.Trim().ToUpperInvariant() is not ("ADD" or "REPLACE" or "REMOVE"))
                    {
                        yield return OnVictim(corpus, EntraBodies.Op(op, "title", "\"x\""));
                    }

                    break;
                case 4:
                    yield return OnVictim(corpus, EntraBodies.Op(corpus.Pick(Ops), corpus.Pick(EntraShapes.BrokenPaths), corpus.Chance(0.5) ? "\"x\"" : null));
                    break;
                case 5:
                    var longPath = $"members[value eq \"{new string('a', corpus.Random.Next(MaxPatchPathLength, 50_000))}\"]";
                    yield return OnVictim(corpus, EntraBodies.Op(corpus.Pick(Ops), longPath, null));
                    break;
                case 6:
                    var operations = Enumerable.Repeat(EntraBodies.Op("Replace", "title", "\"Many\""), corpus.Random.Next(MaxPatchOperations + 1, 3000)).ToArray();
                    yield return corpus.Victim.Request(Category, "PATCH", $"Users/{corpus.Pick(corpus.Victim.UserIds)}", Utf8(EntraBodies.Patch(operations)), mustBeRefused: true);
                    break;
                case 7:
                    var (kind, existing) = corpus.Chance(0.6) ? ("Users", corpus.Pick(corpus.Victim.UserIds)) : ("Groups", corpus.Pick(corpus.Victim.GroupIds));
                    yield return corpus.Victim.Request(Category, "PATCH", $"{kind}/{existing}", Utf8(corpus.Pick(MalformedOperations)), mustBeRefused: true);
                    break;
                case 8:
                    var group = corpus.Pick(corpus.Victim.GroupIds);
                    var members = corpus.Chance(0.5) ? [group] : Enumerable.Range(0, corpus.Random.Next(1, 50)).Select(_ => corpus.UnknownId()).Append(corpus.Pick(corpus.Victim.UserIds)).ToList();
                    var membership = corpus.Chance(0.5) ? EntraBodies.AddMembers(members) : EntraBodies.Patch(EntraBodies.Op("replace", "members", EntraBodies.MemberList(members)));
                    yield return corpus.Victim.Request(Category, "PATCH", $"Groups/{group}", Utf8(membership), mustBeRefused: true);
                    break;
                case 9:
                    var (endpoint, id) = corpus.Chance(0.5) ? ("Users", corpus.Pick(corpus.Victim.UserIds)) : ("Groups", corpus.Pick(corpus.Victim.GroupIds));
                    var valid = EntraBodies.Patch(corpus.Pick(endpoint == "Users" ? EntraShapes.UserOperations(id) : EntraShapes.GroupOperations(corpus.Pick(corpus.Playground.UserIds))));
                    yield return corpus.Playground.Request(Category, "PATCH", $"{endpoint}/{id}", Utf8(valid), mustBeRefused: true);
                    break;
                default:
                    yield return corpus.UnknownIdWrite(Category, Utf8(EntraBodies.Patch(corpus.Pick(EntraShapes.UserOperations(corpus.UnknownId())))));
                    break;
            }
        }
    }

    private static FuzzRequest OnVictim(FuzzCorpus corpus, string operation)
    {
        var (endpoint, id) = corpus.Chance(0.6) ? ("Users", corpus.Pick(corpus.Victim.UserIds)) : ("Groups", corpus.Pick(corpus.Victim.GroupIds));
        return corpus.Victim.Request(Category, "PATCH", $"{endpoint}/{id}", Utf8(EntraBodies.Patch(operation)), mustBeRefused: true);
    }

    /// <summary>An Entra operation with its path, op or value edited, or a random value type, on the playground.</summary>
    private static FuzzRequest MutatedOnPlayground(FuzzCorpus corpus)
    {
        var users = corpus.Chance(0.6);
        var target = users ? corpus.Pick(corpus.Playground.UserIds) : corpus.Pick(corpus.Playground.GroupIds);
        var member = corpus.Pick(corpus.Playground.UserIds);
        var operation = corpus.Pick(users ? EntraShapes.UserOperations(member) : EntraShapes.GroupOperations(member));
        var edited = corpus.Random.Next(3) switch
        {
            0 => corpus.Mutate(operation),
            1 => EntraBodies.Op(corpus.Mutate(corpus.Pick(Ops)), corpus.Mutate(corpus.Pick(users ? UserPaths : GroupPaths)), "\"x\""),
            _ => EntraBodies.Op(corpus.Pick(Ops), corpus.Pick(users ? UserPaths : GroupPaths), corpus.Pick(["1", "true", "null", "[]", "{}", "[null]", "[{}]", "\"\"", "[[1]]", "{\"value\":{}}"])),
        };
        return corpus.Playground.Request(Category, "PATCH", $"{(users ? "Users" : "Groups")}/{target}", Utf8(EntraBodies.Patch(edited)), mustBeRefused: false);
    }
}
