using System.Text.Json.Nodes;
using Total.Scim.Projection;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Projection;

public class AttributeProjectionTests
{
    private static JsonObject User() => Parse("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "u-1",
          "externalId": "ext-1",
          "userName": "ada",
          "name": {"givenName": "Ada", "familyName": "Lovelace"},
          "password": "never-out",
          "emails": [{"value": "a@x", "type": "work", "primary": true}],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "SOC", "employeeNumber": "42"},
          "meta": {"resourceType": "User", "version": "W/\"1\""}
        }
        """);

    private static JsonObject Group() => Parse("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g-1","displayName":"Admins",
         "members":[{"value":"u-1"}],"meta":{"resourceType":"Group"}}
        """);

    private static JsonObject Project(JsonObject resource, string? attributes, string? excluded, ScimResourceSchema? schema = null) =>
        AttributeProjection.Parse(attributes, excluded).Apply(resource, schema ?? ScimResourceSchema.User);

    [Fact]
    public void No_projection_returns_everything_except_password()
    {
        var result = Project(User(), null, null);

        var expected = User();
        expected.Remove("password");
        AssertJsonEqual(expected.ToJsonString(), result);
    }

    [Fact]
    public void Attributes_returns_requested_plus_always_returned()
    {
        var result = Project(User(), "userName", null);

        AssertJsonEqual("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "id":"u-1","userName":"ada","meta":{"resourceType":"User"}}
            """, result);
    }

    [Fact]
    public void Attributes_id_returns_the_minimal_resource()
    {
        var result = Project(User(), "id", null);

        AssertJsonEqual("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "id":"u-1","meta":{"resourceType":"User"}}
            """, result);
    }

    [Fact]
    public void Attributes_are_case_insensitive_and_may_name_sub_attributes()
    {
        var result = Project(User(), "USERNAME, name.GIVENNAME ,emails.value", null);

        Assert.Equal("ada", result["userName"]!.GetValue<string>());
        AssertJsonEqual("""{"givenName":"Ada"}""", result["name"]);
        AssertJsonEqual("""[{"value":"a@x"}]""", result["emails"]);
    }

    [Fact]
    public void Attributes_may_be_urn_qualified()
    {
        var result = Project(User(), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", null);

        AssertJsonEqual("""{"department":"SOC"}""", result["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]);
        Assert.False(result.ContainsKey("userName"));
    }

    [Fact]
    public void Naming_an_extension_urn_returns_the_whole_extension()
    {
        var result = Project(User(), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", null);

        AssertJsonEqual("""{"department":"SOC","employeeNumber":"42"}""", result["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]);
    }

    [Fact]
    public void Core_urn_qualified_attribute_names_work()
    {
        var result = Project(User(), "urn:ietf:params:scim:schemas:core:2.0:User:userName", null);

        Assert.Equal("ada", result["userName"]!.GetValue<string>());
    }

    [Fact]
    public void Password_is_never_returned_even_when_requested()
    {
        var result = Project(User(), "password,userName", null);

        Assert.False(result.ContainsKey("password"));
    }

    [Fact]
    public void Excluded_members_are_not_returned()
    {
        var result = Project(Group(), null, "members", ScimResourceSchema.Group);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g-1","displayName":"Admins","meta":{"resourceType":"Group"}}""", result);
    }

    [Fact]
    public void Excluding_always_returned_attributes_has_no_effect()
    {
        var result = Project(User(), null, "id,schemas");

        Assert.Equal("u-1", result["id"]!.GetValue<string>());
        Assert.True(result.ContainsKey("schemas"));
    }

    [Fact]
    public void Excluding_meta_keeps_meta_resource_type()
    {
        var result = Project(User(), null, "meta");

        AssertJsonEqual("""{"resourceType":"User"}""", result["meta"]);
    }

    [Fact]
    public void Excluding_a_sub_attribute_keeps_the_rest()
    {
        var result = Project(User(), null, "name.familyName,emails.primary");

        AssertJsonEqual("""{"givenName":"Ada"}""", result["name"]);
        AssertJsonEqual("""[{"value":"a@x","type":"work"}]""", result["emails"]);
    }

    [Fact]
    public void Excluding_an_extension_attribute_keeps_the_others()
    {
        var result = Project(User(), null, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");

        AssertJsonEqual("""{"employeeNumber":"42"}""", result["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]);
    }

    [Fact]
    public void Unknown_and_malformed_names_are_ignored()
    {
        var result = Project(User(), "userName,nonsense,emails[", null);

        Assert.Equal("ada", result["userName"]!.GetValue<string>());
    }

    [Fact]
    public void Projection_does_not_modify_the_input()
    {
        var user = User();
        var before = user.ToJsonString();

        _ = Project(user, "userName", null);

        Assert.Equal(before, user.ToJsonString());
    }
}
