using System.Text.Json.Nodes;
using Total.Scim.Schema;
using static Total.Api.Tests.Scim.Fuzz.FuzzRequest;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// A JSON type no attribute of that kind accepts, for every writable attribute of User and Group (core, extension and
/// the sub-attributes of single-valued complex ones): an object for a simple attribute, a number or boolean for a
/// complex one, sent by PATCH (path any case), POST and PUT to the victim, which must refuse each. The playground gets
/// every JSON type for every attribute, and searches get wrong types for their parameters.
/// </summary>
public static class WrongTypeRequests
{
    private const string Category = "wrong-types";

    private static readonly string[] WrongForSimple = ["{\"wrong\":1}", "[{\"wrong\":1}]", "{}"];
    private static readonly string[] WrongForComplex = ["42", "-1.5", "true", "false", "[42]", "[true]"];
    private static readonly string[] AnyValue = ["42", "-1.5e300", "true", "null", "\"\"", "\"text\"", "[]", "{}", "[null]", "[[]]", "{\"value\":{}}", "\"True\"", "\"maybe\""];
    private static readonly string[] SearchParameters = ["filter", "startIndex", "count", "sortBy", "sortOrder", "attributes", "excludedAttributes", "schemas"];

    private static readonly IReadOnlyList<(string Path, bool Complex)> UserAttributes = WritableAttributes(ScimResourceSchema.User);
    private static readonly IReadOnlyList<(string Path, bool Complex)> GroupAttributes = WritableAttributes(ScimResourceSchema.Group);

    public static IEnumerable<FuzzRequest> Generate(FuzzCorpus corpus)
    {
        while (true)
        {
            var users = corpus.Chance(0.7);
            var (path, complex) = corpus.Pick(users ? UserAttributes : GroupAttributes);
            var wrong = corpus.Pick(complex ? WrongForComplex : WrongForSimple);
            var endpoint = users ? "Users" : "Groups";
            var id = corpus.Pick(users ? corpus.Victim.UserIds : corpus.Victim.GroupIds);
            switch (corpus.Random.Next(6))
            {
                case 0 or 1:
                    var spelled = corpus.Chance(0.3) && !path.StartsWith("urn:", StringComparison.Ordinal) ? FlipCase(corpus, path) : path;
                    yield return corpus.Victim.Request(Category, "PATCH", $"{endpoint}/{id}", Utf8(EntraBodies.Patch(EntraBodies.Op(corpus.Pick(["replace", "Add"]), spelled, wrong))), mustBeRefused: true);
                    break;
                case 2 when !path.Contains('.', StringComparison.Ordinal) || path.StartsWith("urn:", StringComparison.Ordinal):
                    yield return corpus.Victim.Request(Category, "POST", endpoint, Utf8(WithAttribute(corpus, users, path, wrong)), mustBeRefused: true);
                    break;
                case 3 when !path.Contains('.', StringComparison.Ordinal) || path.StartsWith("urn:", StringComparison.Ordinal):
                    yield return corpus.Victim.Request(Category, "PUT", $"{endpoint}/{id}", Utf8(WithAttribute(corpus, users, path, wrong)), mustBeRefused: true);
                    break;
                case 4:
                    var body = JsonNode.Parse(users ? EntraBodies.User($"types.{corpus.Random.Next()}@contoso.example", corpus.UnknownId()) : EntraBodies.Group($"Types-{corpus.Random.Next()}", corpus.UnknownId()))!.AsObject();
                    body[path] = JsonNode.Parse(corpus.Pick(AnyValue));
                    yield return corpus.Playground.Request(Category, "POST", endpoint, Utf8(body.ToJsonString()), mustBeRefused: false);
                    yield return corpus.Playground.Request(Category, "PATCH", $"{endpoint}/{corpus.Pick(users ? corpus.Playground.UserIds : corpus.Playground.GroupIds)}", Utf8(EntraBodies.Patch(EntraBodies.Op("replace", path, corpus.Pick(AnyValue)))), mustBeRefused: false);
                    break;
                default:
                    var search = new JsonObject { [corpus.Pick(SearchParameters)] = JsonNode.Parse(corpus.Pick(AnyValue)) };
                    yield return corpus.Victim.Request(Category, "POST", $"{endpoint}/.search", Utf8(search.ToJsonString()), mustBeRefused: false);
                    break;
            }
        }
    }

    /// <summary>Paths of every attribute a client may write, each with whether it is complex.</summary>
    private static List<(string Path, bool Complex)> WritableAttributes(ScimResourceSchema schema)
    {
        var paths = new List<(string, bool)> { (CommonAttributes.ExternalId.Name, false) };
        foreach (var (prefix, attributes) in schema.Extensions.Select(e => (e.Schema.Id + ":", e.Schema.Attributes)).Prepend(("", schema.Core.Attributes)))
        {
            foreach (var attribute in attributes.Where(a => a.Mutability != ScimMutability.ReadOnly))
            {
                paths.Add((prefix + attribute.Name, attribute.IsComplex));
                if (attribute.IsComplex && !attribute.MultiValued)
                {
                    paths.AddRange(attribute.SubAttributes.Where(s => s.Mutability != ScimMutability.ReadOnly).Select(s => ($"{prefix}{attribute.Name}.{s.Name}", false)));
                }
            }
        }

        return paths;
    }

    /// <summary>A valid create body with one attribute replaced by <paramref name="wrong"/> (an extension's inside its URN object).</summary>
    private static string WithAttribute(FuzzCorpus corpus, bool users, string path, string wrong)
    {
        var body = JsonNode.Parse(users ? EntraBodies.User($"types.{corpus.Random.Next()}@contoso.example", corpus.UnknownId()) : EntraBodies.Group($"Types-{corpus.Random.Next()}", corpus.UnknownId()))!.AsObject();
        var separator = path.LastIndexOf(':');
        if (separator > 0)
        {
            var urn = path[..separator];
            body[urn] = new JsonObject { [path[(separator + 1)..]] = JsonNode.Parse(wrong) };
        }
        else
        {
            body[path] = JsonNode.Parse(wrong);
        }

        return body.ToJsonString();
    }

    private static string FlipCase(FuzzCorpus corpus, string path) =>
        string.Concat(path.Select(c => corpus.Chance(0.5) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
