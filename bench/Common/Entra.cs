using System.Globalization;
using System.Text;

namespace Total.Bench;

/// <summary>Request bodies and URLs in the shapes Entra's provisioning service sends (Microsoft Learn, "Develop and plan provisioning for a SCIM endpoint": the request examples).</summary>
internal static class Entra
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static readonly string[] Given = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim", "Margaret", "Linus", "Hedy", "John", "Katherine", "Dennis"];
    private static readonly string[] Family = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Lee", "Hamilton", "Torvalds", "Lamarr", "Backus", "Johnson", "Ritchie"];
    private static readonly string[] Titles = ["Security Analyst", "Lead Analyst", "Engineer", "Senior Engineer", "Manager", "Director", "Consultant", "Architect"];
    private static readonly string[] Departments = ["SOC", "Red Team", "IT", "Finance", "Sales", "Engineering", "HR", "Legal"];

    public static Guid NewGuid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static UserRec NewUser(Random rng, int tenant, int serial)
    {
        var given = Given[rng.Next(Given.Length)];
        var family = Family[rng.Next(Family.Length)];
        var userName = string.Create(CultureInfo.InvariantCulture, $"{given}.{family}.{serial}@t{tenant}.contoso.example").ToLowerInvariant();
        return new UserRec(userName, NewGuid(rng).ToString(), given, family, Titles[rng.Next(Titles.Length)], Departments[rng.Next(Departments.Length)], serial);
    }

    /// <summary>A.4.3: core + enterprise schema, active as a JSON boolean, typed primary work email, nested extension, roles [].</summary>
    public static string CreateUser(UserRec u, string? userNameOverride = null) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"],"externalId":"{{u.ExternalId}}","userName":"{{userNameOverride ?? u.UserName}}","active":true,"displayName":"{{u.Given}} {{u.Family}}","emails":[{"primary":true,"type":"work","value":"{{u.UserName}}"}],"meta":{"resourceType":"User"},"name":{"formatted":"{{u.Given}} {{u.Family}}","familyName":"{{u.Family}}","givenName":"{{u.Given}}"},"title":"{{u.Title}}","{{Enterprise}}":{"department":"{{u.Department}}","employeeNumber":"{{u.Serial}}"},"roles":[]}
        """);

    /// <summary>A.4.8: created without members, with the Microsoft-private schema URN.</summary>
    public static string CreateGroup(GroupRec g) => $$$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],"externalId":"{{{g.ExternalId}}}","displayName":"{{{g.DisplayName}}}","members":[],"meta":{"resourceType":"Group"}}
        """;

    public static string Patch(params string[] operations) =>
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + string.Join(',', operations) + "]}";

    public static string Op(string op, string path, string jsonValue) =>
        $$"""{"op":"{{op}}","path":"{{path.Replace("\"", "\\\"", StringComparison.Ordinal)}}","value":{{jsonValue}}}""";

    public static string Str(string value) => "\"" + value + "\"";

    /// <summary>A.4.11 (<c>Add</c>, <c>$ref: null</c>) and A.4.12 (legacy <c>Remove</c> with a value list).</summary>
    public static string Members(string op, IEnumerable<string> ids)
    {
        var value = new StringBuilder("[");
        foreach (var id in ids)
        {
            if (value.Length > 1)
            {
                value.Append(',');
            }

            value.Append(op == "Add" ? "{\"$ref\":null,\"value\":\"" : "{\"value\":\"").Append(id).Append("\"}");
        }

        return Patch(Op(op, "members", value.Append(']').ToString()));
    }

    public static string RandomTitle(Random rng) => Titles[rng.Next(Titles.Length)];

    public static string RandomDepartment(Random rng) => Departments[rng.Next(Departments.Length)];

    public static string RandomFamily(Random rng) => Family[rng.Next(Family.Length)];

    public static string UserLookup(string userName) => "/Users?filter=" + Uri.EscapeDataString($"userName eq \"{userName}\"");

    public static string GroupLookup(string displayName) => "/Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString($"displayName eq \"{displayName}\"");
}

/// <summary>A user as Entra's job knows it: its source values and, once created, the target id it caches.</summary>
internal sealed class UserRec(string userName, string externalId, string given, string family, string title, string department, int serial)
{
    public string UserName { get; } = userName;

    public string ExternalId { get; } = externalId;

    public string Given { get; } = given;

    public string Family { get; } = family;

    public string Title { get; } = title;

    public string Department { get; } = department;

    public int Serial { get; } = serial;

    public string? Id { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>A group and the members the job believes it has in the target.</summary>
internal sealed class GroupRec(string displayName, string externalId)
{
    public string DisplayName { get; } = displayName;

    public string ExternalId { get; } = externalId;

    public string? Id { get; set; }

    public HashSet<UserRec> Members { get; } = [];

    /// <summary>1 while a worker is changing this group's membership (keeps the job's view of it exact).</summary>
    private int _busy;

    /// <summary>Claims the group for one membership change; false when another worker is changing it.</summary>
    public bool TryBeginChange() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    public void EndChange() => Volatile.Write(ref _busy, 0);
}
