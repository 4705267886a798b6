using Total.Scim.Errors;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Schema;

public class ScimResourceNormalizerTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public void Entra_create_user_body_is_kept_as_sent()
    {
        var body = Parse("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "externalId": "6d2f0b84-1c6e-4a57-b0f3-9e1d2c3b4a50",
              "userName": "ada.lovelace@contoso.example",
              "active": true,
              "displayName": "Ada Lovelace",
              "emails": [{"primary": true, "type": "work", "value": "ada.lovelace@contoso.example"}],
              "meta": {"resourceType": "User"},
              "name": {"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
              "title": "Security Analyst",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "SOC"},
              "roles": []
            }
            """);

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
              "externalId": "6d2f0b84-1c6e-4a57-b0f3-9e1d2c3b4a50",
              "userName": "ada.lovelace@contoso.example",
              "name": {"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
              "displayName": "Ada Lovelace",
              "title": "Security Analyst",
              "active": true,
              "emails": [{"primary": true, "type": "work", "value": "ada.lovelace@contoso.example"}],
              "roles": [],
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "SOC"}
            }
            """, result);
    }

    [Theory]
    [InlineData("\"True\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Booleans_are_accepted_as_json_or_strings_and_stored_as_json(string active, bool expected)
    {
        var body = Parse($$$"""{"userName":"ada","active":{{{active}}}}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        Assert.Equal(expected, result["active"]!.GetValue<bool>());
    }

    [Fact]
    public void String_boolean_that_is_not_true_or_false_is_invalid_value_naming_the_attribute()
    {
        var body = Parse("""{"userName":"ada","active":"maybe"}""");

        var error = Assert.Throws<ScimException>(() => ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
        Assert.Contains("'active'", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("maybe", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_where_string_expected_is_invalid_value_naming_the_attribute()
    {
        var body = Parse("""{"userName":"ada","title":{"text":"Lead"}}""");

        var error = Assert.Throws<ScimException>(() => ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User));

        Assert.Equal(400, error.Status);
        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
        Assert.Contains("'title'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_inside_multi_valued_attribute_names_the_position()
    {
        var body = Parse("""{"userName":"ada","emails":[{"value":"a@x"},{"value":"b@x","primary":"yes"}]}""");

        var error = Assert.Throws<ScimException>(() => ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User));

        Assert.Contains("'emails[1].primary'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_values_are_treated_as_not_supplied()
    {
        var body = Parse("""{"userName":"ada","title":null,"addresses":null,"name":{"givenName":"Ada","familyName":null}}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada","name":{"givenName":"Ada"}}""", result);
    }

    [Fact]
    public void Unknown_attributes_and_extensions_are_dropped_without_error()
    {
        var body = Parse("""
            {"userName":"ada","favouriteColour":"green","name":{"givenName":"Ada","nick":"A"},
             "urn:ietf:params:scim:schemas:extension:CustomExt:2.0:User":{"badge":"7"},
             "urn:ietf:params:scim:schemas:extension:CustomExt:2.0:User:badge":"7",
             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group":{"x":1}}
            """);

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada","name":{"givenName":"Ada"}}""", result);
    }

    [Fact]
    public void Attribute_names_take_canonical_case()
    {
        var body = Parse("""{"USERNAME":"ada","Name":{"GIVENNAME":"Ada"},"EMAILS":[{"VALUE":"a@x","Type":"work"}]}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada","name":{"givenName":"Ada"},"emails":[{"value":"a@x","type":"work"}]}""", result);
    }

    [Fact]
    public void Read_only_attributes_from_the_client_are_ignored()
    {
        var body = Parse("""{"id":"client-chosen","meta":{"resourceType":"User"},"groups":[{"value":"g1"}],"userName":"ada"}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada"}""", result);
    }

    [Fact]
    public void Read_only_attributes_are_carried_over_from_the_existing_resource()
    {
        var existing = Parse("""{"id":"u-1","userName":"old","meta":{"resourceType":"User","version":"W/\"3\""}}""");
        var body = Parse("""{"id":"other","userName":"new"}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User, existing);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u-1","userName":"new","meta":{"resourceType":"User","version":"W/\"3\""}}""", result);
    }

    [Fact]
    public void Legacy_flattened_extension_attributes_are_nested_under_the_urn()
    {
        var body = Parse("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0User"],"userName":"ada","department":"SOC","manager":null,"title":null}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual($$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Enterprise}}}"],"userName":"ada","{{{Enterprise}}}":{"department":"SOC"}}""", result);
    }

    [Fact]
    public void Urn_qualified_and_dotted_keys_are_accepted()
    {
        var body = Parse($$$"""{"userName":"ada","name.givenName":"Ada","name.familyName":"Lovelace","{{{Enterprise}}}:employeeNumber":"42","{{{Enterprise}}}:manager.value":"u-boss"}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"ada","name":{"givenName":"Ada","familyName":"Lovelace"},"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"42","manager":{"value":"u-boss"}}}""", result);
    }

    [Fact]
    public void Schemas_lists_the_extension_only_when_it_has_data()
    {
        var body = Parse($$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Enterprise}}}"],"userName":"ada","{{{Enterprise}}}":{"department":null}}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""["urn:ietf:params:scim:schemas:core:2.0:User"]""", result["schemas"]);
        Assert.False(result.ContainsKey(Enterprise));
    }

    [Fact]
    public void Roles_with_json_encoded_in_a_string_value_are_kept_verbatim()
    {
        var body = Parse("""{"userName":"ada","roles":[{"primary":"True","type":"WindowsAzureActiveDirectoryRole","value":"{\"id\":\"7b1c\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}]}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""[{"primary":true,"type":"WindowsAzureActiveDirectoryRole","value":"{\"id\":\"7b1c\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}]""", result["roles"]);
    }

    [Fact]
    public void Manager_sent_as_a_bare_id_string_becomes_a_value_object()
    {
        var body = Parse($$$"""{"userName":"ada","{{{Enterprise}}}":{"manager":"u-boss"}}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"value":"u-boss"}""", result[Enterprise]!["manager"]);
    }

    [Fact]
    public void Legacy_single_element_manager_array_is_unwrapped()
    {
        var body = Parse("""{"userName":"ada","manager":[{"$ref":"https://x/Users/u-boss","value":"u-boss"}]}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"$ref":"https://x/Users/u-boss","value":"u-boss"}""", result[Enterprise]!["manager"]);
    }

    [Fact]
    public void Second_primary_value_wins_and_earlier_primary_is_cleared()
    {
        var body = Parse("""{"userName":"ada","emails":[{"value":"a@x","primary":true},{"value":"b@x","primary":"True"}]}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""[{"value":"a@x","primary":false},{"value":"b@x","primary":true}]""", result["emails"]);
    }

    [Fact]
    public void Values_are_not_reformatted()
    {
        var body = Parse("""{"userName":"Ada.Lovelace@Contoso.Example","phoneNumbers":[{"value":"+1 (555) 010-0199","type":"work"}]}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        Assert.Equal("Ada.Lovelace@Contoso.Example", result["userName"]!.GetValue<string>());
        Assert.Equal("+1 (555) 010-0199", result["phoneNumbers"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Single_object_for_multi_valued_attribute_is_wrapped()
    {
        var body = Parse("""{"userName":"ada","emails":{"value":"a@x"}}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""[{"value":"a@x"}]""", result["emails"]);
    }

    [Fact]
    public void Manager_display_name_is_read_only_and_dropped()
    {
        var body = Parse("""{"userName":"ada","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"u-boss","displayName":"Boss"}}}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        AssertJsonEqual("""{"value":"u-boss"}""", result[Enterprise]!["manager"]);
    }

    [Fact]
    public void Input_object_is_not_modified()
    {
        var body = Parse("""{"userName":"ada","active":"True","id":"x"}""");
        var before = body.ToJsonString();

        _ = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        Assert.Equal(before, body.ToJsonString());
    }

    [Fact]
    public void Entra_group_create_body_keeps_empty_members_and_drops_private_schema()
    {
        var body = Parse("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21","displayName":"Vendor-Admins","members":[],"meta":{"resourceType":"Group"}}
            """);

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.Group);

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21","displayName":"Vendor-Admins","members":[]}""", result);
    }

    [Theory]
    [InlineData("""{"displayName":"Ada"}""")]
    [InlineData("""{"userName":""}""")]
    [InlineData("""{"userName":"   "}""")]
    public void Validate_requires_a_non_empty_user_name(string json)
    {
        var user = ScimResourceNormalizer.Normalize(Parse(json), ScimResourceSchema.User);

        var error = Assert.Throws<ScimException>(() => ScimResourceNormalizer.Validate(user, ScimResourceSchema.User));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
        Assert.Contains("'userName'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_requires_group_display_name()
    {
        var group = ScimResourceNormalizer.Normalize(Parse("""{"externalId":"x"}"""), ScimResourceSchema.Group);

        var error = Assert.Throws<ScimException>(() => ScimResourceNormalizer.Validate(group, ScimResourceSchema.Group));

        Assert.Contains("'displayName'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_a_user_with_a_user_name()
    {
        var user = ScimResourceNormalizer.Normalize(Parse("""{"userName":"ada"}"""), ScimResourceSchema.User);

        ScimResourceNormalizer.Validate(user, ScimResourceSchema.User);
    }

    [Fact]
    public void Number_for_a_string_attribute_is_stored_as_its_text()
    {
        var body = Parse($$$"""{"userName":"ada","{{{Enterprise}}}":{"employeeNumber":12345}}""");

        var result = ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User);

        Assert.Equal("12345", result[Enterprise]!["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public void Extension_that_is_not_an_object_is_invalid_value()
    {
        var body = Parse($$$"""{"userName":"ada","{{{Enterprise}}}":"SOC"}""");

        var error = Assert.Throws<ScimException>(() => ScimResourceNormalizer.Normalize(body, ScimResourceSchema.User));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }
}
