using System.Text.Json;

namespace Total.Api.Tests.Scim;

/// <summary>
/// Request bodies exactly as Microsoft Entra sends them (Microsoft Learn, "Develop and plan provisioning for a SCIM endpoint": the request examples), as raw JSON
/// so the wire shape is the one under test. Values are JSON-encoded with <see cref="Quote"/>.
/// </summary>
public static class EntraBodies
{
    public const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>A.4.3: the create-user body with the vendor mapping (enterprise extension, roles: [], meta.resourceType).</summary>
    public static string User(string userName, string externalId, string? email = null, string department = "SOC", string? title = "Security Analyst") => $$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId": {{Quote(externalId)}},
          "userName": {{Quote(userName)}},
          "active": true,
          "displayName": "Ada Lovelace",
          "emails": [{"primary": true, "type": "work", "value": {{Quote(email ?? userName)}}}],
          "meta": {"resourceType": "User"},
          "name": {"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
          {{(title is null ? "" : $"\"title\": {Quote(title)},")}}
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": {{Quote(department)}}},
          "roles": []
        }
        """;

    /// <summary>A.4.8: the create-group body, without members, with Microsoft's private schema URN.</summary>
    public static string Group(string displayName, string externalId) => $$$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group",
                    "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
         "externalId":{{{Quote(externalId)}}},
         "displayName":{{{Quote(displayName)}}},
         "members":[],
         "meta":{"resourceType":"Group"}}
        """;

    /// <summary>A PatchOp request with the given operations (each a JSON object).</summary>
    public static string Patch(params string[] operations) =>
        $$"""{"schemas":["{{PatchOpSchema}}"],"Operations":[{{string.Join(",", operations)}}]}""";

    /// <summary>One operation with a JSON <paramref name="valueJson"/> (already JSON, e.g. <c>"\"x\""</c> or <c>false</c>).</summary>
    public static string Op(string op, string? path, string? valueJson)
    {
        var parts = new List<string> { $"\"op\":{Quote(op)}" };
        if (path is not null)
        {
            parts.Add($"\"path\":{Quote(path)}");
        }

        if (valueJson is not null)
        {
            parts.Add($"\"value\":{valueJson}");
        }

        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>A.4.11: <c>Add</c> on <c>members</c> with a value list whose <c>$ref</c> is null.</summary>
    public static string AddMembers(IEnumerable<string> memberIds) => Patch(Op("Add", "members", MemberList(memberIds)));

    /// <summary>A.4.12 default shape: <c>Remove</c> + <c>path: members</c> + a value list (remove only those).</summary>
    public static string RemoveMembersLegacy(params string[] memberIds) => Patch(Op("Remove", "members", MemberList(memberIds)));

    /// <summary>A.4.12 flagged shape: <c>remove</c> with <c>members[value eq "id"]</c> and no value.</summary>
    public static string RemoveMemberFlagged(string memberId) => Patch(Op("remove", $"members[value eq \"{memberId}\"]", null));

    public static string MemberList(IEnumerable<string> memberIds) =>
        "[" + string.Join(",", memberIds.Select(id => $$"""{"$ref":null,"value":{{Quote(id)}}}""")) + "]";

    public static string Quote(string value) => JsonSerializer.Serialize(value);
}
