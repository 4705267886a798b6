using System.Text.Json.Nodes;
using Total.Scim.Patch;
using Total.Scim.Schema;

namespace Total.Scim.Tests.Patch;

/// <summary>Stored resources and a helper that runs a PatchOp body end to end (parse, then apply).</summary>
internal static class PatchTestData
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static JsonObject StoredUser() => TestJson.Parse("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "u-7f3a",
          "externalId": "6d2f0b84-1c6e-4a57-b0f3-9e1d2c3b4a50",
          "userName": "ada.lovelace@contoso.example",
          "name": {"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
          "displayName": "Ada Lovelace",
          "title": "Security Analyst",
          "active": true,
          "emails": [{"value": "ada.lovelace@contoso.example", "type": "work", "primary": true}],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "SOC"},
          "meta": {"resourceType": "User", "created": "2026-11-01T08:00:00Z", "lastModified": "2026-11-01T08:00:00Z", "version": "W/\"1\""}
        }
        """);

    public static JsonObject ApplyPatch(JsonObject resource, string body, ScimResourceSchema? schema = null)
    {
        var operations = ScimPatch.ParseRequest(TestJson.Parse(body));
        return ScimPatch.Apply(resource, operations, schema ?? ScimResourceSchema.User);
    }

    public static string Ops(string operations) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operations}}]}""";
}
