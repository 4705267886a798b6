using System.Text;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// The fuzz corpus: every category's requests, drawn from one <see cref="System.Random"/> with a fixed seed (the same
/// requests on every run and machine), then shuffled so the categories interleave. Two tenants are aimed at:
/// the victim, whose data must not change (it only gets requests that must be refused, reads, and writes to ids it
/// does not have), and the playground, where mutated requests may succeed.
/// </summary>
public sealed class FuzzCorpus
{
    public const int Seed = 20261123;

    private FuzzCorpus(FuzzTenant victim, FuzzTenant playground)
    {
        Victim = victim;
        Playground = playground;
    }

    public Random Random { get; } = new(Seed);

    public FuzzTenant Victim { get; }

    public FuzzTenant Playground { get; }

    /// <summary>The requests, and how many of each category.</summary>
    public static (IReadOnlyList<FuzzRequest> Requests, IReadOnlyDictionary<string, int> Counts) Build(FuzzTenant victim, FuzzTenant playground)
    {
        var corpus = new FuzzCorpus(victim, playground);
        var requests = new List<FuzzRequest>();
        requests.AddRange(BrokenJsonRequests.Generate(corpus).Take(900));
        requests.AddRange(DeepNestingRequests.Generate(corpus).Take(150));
        requests.AddRange(HugeValueRequests.Generate(corpus).Take(150));
        requests.AddRange(HostileFilterRequests.Generate(corpus).Take(1000));
        requests.AddRange(HostilePatchRequests.Generate(corpus).Take(1000));
        requests.AddRange(WrongTypeRequests.Generate(corpus).Take(600));
        requests.AddRange(UnicodeRequests.Generate(corpus).Take(400));
        requests.AddRange(HostileHeaderRequests.Generate(corpus).Take(500));
        requests.AddRange(MethodPathAndContentTypeRequests.Generate(corpus).Take(600));
        requests.AddRange(HostilePagingRequests.Generate(corpus).Take(400));
        var counts = requests.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Count());
        corpus.Random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(requests));
        return (requests, counts);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double probability) => Random.NextDouble() < probability;

    /// <summary>An id no resource has (a GUID from the seeded generator).</summary>
    public string UnknownId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    /// <summary>A write the victim must refuse because of <paramref name="body"/> (never a valid one): to one of its users or groups, or a create.</summary>
    public FuzzRequest VictimWrite(string category, byte[] body)
    {
        var (method, relative) = Random.Next(7) switch
        {
            0 => ("PATCH", $"Users/{Pick(Victim.UserIds)}"),
            1 => ("PATCH", $"Groups/{Pick(Victim.GroupIds)}"),
            2 => ("PUT", $"Users/{Pick(Victim.UserIds)}"),
            3 => ("PUT", $"Groups/{Pick(Victim.GroupIds)}"),
            4 => ("POST", "Users"),
            5 => ("POST", "Groups"),
            _ => ("POST", Chance(0.5) ? "Users/.search" : "Groups/.search"),
        };
        return Victim.Request(category, method, relative, body, mustBeRefused: true);
    }

    /// <summary>A write to the playground, where it may succeed.</summary>
    public FuzzRequest PlaygroundWrite(string category, byte[] body)
    {
        var (method, relative) = Random.Next(6) switch
        {
            0 => ("PATCH", $"Users/{Pick(Playground.UserIds)}"),
            1 => ("PATCH", $"Groups/{Pick(Playground.GroupIds)}"),
            2 => ("PUT", $"Users/{Pick(Playground.UserIds)}"),
            3 => ("POST", "Users"),
            4 => ("POST", "Groups"),
            _ => ("POST", "Users/.search"),
        };
        return Playground.Request(category, method, relative, body, mustBeRefused: false);
    }

    /// <summary>A write to an id the victim does not have: 404 whatever the body.</summary>
    public FuzzRequest UnknownIdWrite(string category, byte[] body) =>
        Victim.Request(category, Pick(["PATCH", "PUT", "DELETE"]), $"{Pick(Endpoints)}/{UnknownId()}", body, mustBeRefused: true);

    /// <summary>A valid create, patch or search body to mutate (Entra's shapes).</summary>
    public string ValidBody() => Random.Next(4) switch
    {
        0 => EntraBodies.User($"fuzz.{Random.Next()}@contoso.example", UnknownId()),
        1 => EntraBodies.Group($"Fuzz-{Random.Next()}", UnknownId()),
        2 => EntraBodies.Patch(Pick(EntraShapes.UserOperations(UnknownId()))),
        _ => EntraBodies.Patch(Pick(EntraShapes.GroupOperations(UnknownId()))),
    };

    /// <summary>Applies one to three random edits: delete, duplicate, swap, insert a hostile token, flip case.</summary>
    public string Mutate(string text)
    {
        var builder = new StringBuilder(text);
        for (var edits = Random.Next(1, 4); edits > 0; edits--)
        {
            if (builder.Length == 0)
            {
                builder.Append(Pick(EntraShapes.HostileTokens));
                continue;
            }

            var at = Random.Next(builder.Length);
            var length = Random.Next(1, Math.Min(8, builder.Length - at) + 1);
            switch (Random.Next(5))
            {
                case 0:
                    builder.Remove(at, length);
                    break;
                case 1:
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 2 when builder.Length > 1:
                    var other = Random.Next(builder.Length);
                    (builder[at], builder[other]) = (builder[other], builder[at]);
                    break;
                case 3:
                    builder.Insert(at, Pick(EntraShapes.HostileTokens));
                    break;
                default:
                    builder[at] = char.IsUpper(builder[at]) ? char.ToLowerInvariant(builder[at]) : char.ToUpperInvariant(builder[at]);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Random text from a mix of ASCII, punctuation and hostile Unicode.</summary>
    public string Garbage(int maxLength)
    {
        var builder = new StringBuilder();
        for (var length = Random.Next(maxLength + 1); builder.Length < length;)
        {
            builder.Append(Random.Next(3) switch
            {
                0 => (char)Random.Next(0x20, 0x7F),
                1 => Pick(EntraShapes.HostileTokens),
                _ => Pick(UnicodeRequests.Oddities),
            });
        }

        return builder.ToString();
    }

    public static readonly string[] Endpoints = ["Users", "Groups"];
}
