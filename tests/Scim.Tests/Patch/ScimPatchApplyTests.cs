using Total.Scim.Errors;
using Total.Scim.Patch;
using Total.Scim.Schema;
using static Total.Scim.Tests.Patch.PatchTestData;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Patch;

public class ScimPatchApplyTests
{
    [Fact]
    public void Replace_simple_attribute_with_capitalised_op()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Replace","path":"title","value":"Lead Analyst"}"""));

        Assert.Equal("Lead Analyst", result["title"]!.GetValue<string>());
    }

    [Fact]
    public void Replace_typed_email_value_and_family_name_in_one_request()
    {
        var result = ApplyPatch(StoredUser(), Ops("""
            {"op":"Replace","path":"emails[type eq \"work\"].value","value":"ada.king@contoso.example"},
            {"op":"Replace","path":"name.familyName","value":"King"}
            """));

        AssertJsonEqual("""[{"value":"ada.king@contoso.example","type":"work","primary":true}]""", result["emails"]);
        AssertJsonEqual("""{"formatted":"Ada Lovelace","familyName":"King","givenName":"Ada"}""", result["name"]);
    }

    [Fact]
    public void Replace_enterprise_attribute_by_urn_qualified_path()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Red Team"}"""));

        Assert.Equal("Red Team", result[Enterprise]!["department"]!.GetValue<string>());
    }

    [Fact]
    public void Add_enterprise_attribute_creates_the_extension_and_lists_its_schema()
    {
        var user = StoredUser();
        user.Remove(Enterprise);

        var result = ApplyPatch(user, Ops("""{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"42"}"""));

        Assert.Equal("42", result[Enterprise]!["employeeNumber"]!.GetValue<string>());
        Assert.Contains(Enterprise, result["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void Add_manager_value_by_urn_qualified_sub_attribute_path()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value","value":"u-boss"}"""));

        AssertJsonEqual("""{"value":"u-boss"}""", result[Enterprise]!["manager"]);
    }

    [Fact]
    public void Add_manager_as_a_bare_id_string()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"u-boss"}"""));

        AssertJsonEqual("""{"value":"u-boss"}""", result[Enterprise]!["manager"]);
    }

    [Fact]
    public void Legacy_manager_add_with_array_value()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Add","path":"manager","value":[{"$ref":"https://api.vendor.example/scim/v2/Users/u-boss","value":"u-boss"}]}"""));

        AssertJsonEqual("""{"$ref":"https://api.vendor.example/scim/v2/Users/u-boss","value":"u-boss"}""", result[Enterprise]!["manager"]);
    }

    [Fact]
    public void Add_plain_string_to_attribute_that_had_no_value()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Add","path":"nickName","value":"Babs"}"""));

        Assert.Equal("Babs", result["nickName"]!.GetValue<string>());
    }

    [Fact]
    public void Rename_keeps_the_id()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Replace","path":"userName","value":"ada.king@contoso.example"}"""));

        Assert.Equal("ada.king@contoso.example", result["userName"]!.GetValue<string>());
        Assert.Equal("u-7f3a", result["id"]!.GetValue<string>());
    }

    [Fact]
    public void External_id_can_be_replaced()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Replace","path":"externalId","value":"0e4c1a77"}"""));

        Assert.Equal("0e4c1a77", result["externalId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"False\"", false)]
    [InlineData("\"True\"", true)]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    public void Active_accepts_string_and_json_booleans(string value, bool expected)
    {
        var result = ApplyPatch(StoredUser(), Ops($$"""{"op":"Replace","path":"active","value":{{value}}}"""));

        Assert.Equal(expected, result["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Active_with_a_non_boolean_string_is_invalid_value()
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops("""{"op":"Replace","path":"active","value":"maybe"}""")));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
        Assert.Contains("Operations[0]", error.Detail, StringComparison.Ordinal);
        Assert.Contains("'active'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Entra_multiple_replace_ops_in_one_request()
    {
        var result = ApplyPatch(StoredUser(), Ops("""
            {"op":"Replace","path":"displayName","value":"Ada King"},
            {"op":"Replace","path":"emails[type eq \"work\"].value","value":"ada.king@contoso.example"},
            {"op":"Replace","path":"name.givenName","value":"Augusta"},
            {"op":"Replace","path":"name.familyName","value":"King"},
            {"op":"Replace","path":"externalId","value":"0e4c1a77"},
            {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"42"}
            """));

        Assert.Equal("Ada King", result["displayName"]!.GetValue<string>());
        Assert.Equal("Augusta", result["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("42", result[Enterprise]!["employeeNumber"]!.GetValue<string>());
    }

    [Fact]
    public void Flagged_no_path_replace_with_dotted_and_urn_keys_applies_each_key_as_a_path()
    {
        var result = ApplyPatch(StoredUser(), Ops("""
            {"op":"replace","path":"emails[type eq \"work\"].value","value":"ada.king@contoso.example"},
            {"op":"replace","value":{
              "displayName":"Ada King",
              "name.givenName":"Augusta",
              "name.familyName":"King",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"42",
              "externalId":"0e4c1a77"}}
            """));

        AssertJsonEqual("""{"formatted":"Ada Lovelace","familyName":"King","givenName":"Augusta"}""", result["name"]);
        Assert.Equal("Ada King", result["displayName"]!.GetValue<string>());
        Assert.Equal("0e4c1a77", result["externalId"]!.GetValue<string>());
        AssertJsonEqual("""{"department":"SOC","employeeNumber":"42"}""", result[Enterprise]);
        Assert.Equal("ada.king@contoso.example", result["emails"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void No_path_replace_with_nested_objects_follows_the_rfc()
    {
        var result = ApplyPatch(StoredUser(), Ops("""
            {"op":"replace","value":{"active":false,"name":{"givenName":"Augusta"},
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"costCenter":"CC-7"}}}
            """));

        Assert.False(result["active"]!.GetValue<bool>());
        Assert.Equal("Lovelace", result["name"]!["familyName"]!.GetValue<string>());
        Assert.Equal("Augusta", result["name"]!["givenName"]!.GetValue<string>());
        AssertJsonEqual("""{"department":"SOC","costCenter":"CC-7"}""", result[Enterprise]);
    }

    [Fact]
    public void No_path_replace_needs_an_object_value()
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops("""{"op":"replace","value":"x"}""")));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void Replace_typed_email_that_does_not_exist_upserts_it()
    {
        var user = StoredUser();
        user.Remove("emails");

        var result = ApplyPatch(user, Ops("""{"op":"Replace","path":"emails[type eq \"work\"].value","value":"ada@contoso.example"}"""));

        AssertJsonEqual("""[{"type":"work","value":"ada@contoso.example"}]""", result["emails"]);
    }

    [Fact]
    public void Add_typed_address_part_that_does_not_exist_upserts_it()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Add","path":"addresses[type eq \"work\"].streetAddress","value":"1 Main St"}"""));

        AssertJsonEqual("""[{"type":"work","streetAddress":"1 Main St"}]""", result["addresses"]);
    }

    [Fact]
    public void Replace_other_email_appends_beside_the_work_email()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Replace","path":"emails[type eq \"other\"].value","value":"ada@proxy.example"}"""));

        Assert.Equal(2, result["emails"]!.AsArray().Count);
        AssertJsonEqual("""{"type":"other","value":"ada@proxy.example"}""", result["emails"]![1]);
    }

    [Fact]
    public void Upsert_is_impossible_for_a_filter_that_is_not_equality_terms()
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops("""{"op":"Replace","path":"emails[value co \"nobody\"].type","value":"home"}""")));

        Assert.Equal(ScimErrorType.NoTarget, error.ScimType);
    }

    [Fact]
    public void Replace_address_part_via_filter_updates_the_matched_value()
    {
        var user = StoredUser();
        user["addresses"] = Parse("""{"a":[{"type":"work","streetAddress":"1 Main St","locality":"Springfield"}]}""")["a"]!.DeepClone();

        var result = ApplyPatch(user, Ops("""{"op":"Replace","path":"addresses[type eq \"work\"].streetAddress","value":"2 High St"}"""));

        AssertJsonEqual("""[{"type":"work","streetAddress":"2 High St","locality":"Springfield"}]""", result["addresses"]);
    }

    [Fact]
    public void Replace_filtered_value_without_sub_attribute_replaces_it_but_keeps_the_filter_terms()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","path":"emails[type eq \"work\"]","value":{"value":"new@contoso.example"}}"""));

        AssertJsonEqual("""[{"type":"work","value":"new@contoso.example"}]""", result["emails"]);
    }

    [Fact]
    public void Remove_filtered_value_removes_only_matches()
    {
        var user = StoredUser();
        user["emails"]!.AsArray().Add(Parse("""{"value":"ada@home.example","type":"home"}"""));

        var result = ApplyPatch(user, Ops("""{"op":"remove","path":"emails[type eq \"home\"]"}"""));

        AssertJsonEqual("""[{"value":"ada.lovelace@contoso.example","type":"work","primary":true}]""", result["emails"]);
    }

    [Fact]
    public void Remove_with_filter_that_matches_nothing_is_a_no_op()
    {
        var user = StoredUser();

        var result = ApplyPatch(user, Ops("""{"op":"remove","path":"emails[type eq \"home\"]"}"""));

        AssertJsonEqual(user["emails"]!.ToJsonString(), result["emails"]);
    }

    [Fact]
    public void Remove_last_filtered_value_removes_the_attribute()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"remove","path":"emails[type eq \"work\"]"}"""));

        Assert.False(result.ContainsKey("emails"));
    }

    [Fact]
    public void Remove_without_path_is_no_target()
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops("""{"op":"remove"}""")));

        Assert.Equal(ScimErrorType.NoTarget, error.ScimType);
    }

    [Fact]
    public void Remove_simple_attribute()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"Remove","path":"title"}"""));

        Assert.False(result.ContainsKey("title"));
    }

    [Fact]
    public void Remove_sub_attribute()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"remove","path":"name.formatted"}"""));

        AssertJsonEqual("""{"familyName":"Lovelace","givenName":"Ada"}""", result["name"]);
    }

    [Fact]
    public void Remove_last_enterprise_attribute_drops_the_extension_and_its_schema()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"}"""));

        Assert.False(result.ContainsKey(Enterprise));
        AssertJsonEqual("""["urn:ietf:params:scim:schemas:core:2.0:User"]""", result["schemas"]);
    }

    [Fact]
    public void Remove_multi_valued_attribute_with_value_list_removes_only_listed_values()
    {
        var user = StoredUser();
        user["emails"]!.AsArray().Add(Parse("""{"value":"ada@home.example","type":"home"}"""));

        var result = ApplyPatch(user, Ops("""{"op":"Remove","path":"emails","value":[{"value":"ada@home.example"}]}"""));

        AssertJsonEqual("""[{"value":"ada.lovelace@contoso.example","type":"work","primary":true}]""", result["emails"]);
    }

    [Fact]
    public void Remove_with_value_list_removes_only_listed_members_of_a_materialised_group()
    {
        var group = Parse("""{"id":"g-1","displayName":"Vendor-Admins","members":[{"value":"u-7f3a"},{"value":"u-91bc"}]}""");

        var result = ApplyPatch(group, Ops("""{"op":"Remove","path":"members","value":[{"value":"u-91bc"}]}"""), ScimResourceSchema.Group);

        AssertJsonEqual("""[{"value":"u-7f3a"}]""", result["members"]);
    }

    [Fact]
    public void Add_of_an_existing_member_is_idempotent()
    {
        var group = Parse("""{"id":"g-1","displayName":"Vendor-Admins","members":[{"value":"u-7f3a"}]}""");

        var result = ApplyPatch(group, Ops("""{"op":"Add","path":"members","value":[{"$ref":null,"value":"u-7f3a"},{"$ref":null,"value":"u-91bc"}]}"""), ScimResourceSchema.Group);

        AssertJsonEqual("""[{"value":"u-7f3a"},{"value":"u-91bc"}]""", result["members"]);
    }

    [Fact]
    public void Add_of_a_new_primary_email_clears_the_old_primary()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"add","path":"emails","value":[{"value":"ada@new.example","type":"other","primary":true}]}"""));

        AssertJsonEqual("""
            [{"value":"ada.lovelace@contoso.example","type":"work","primary":false},
             {"value":"ada@new.example","type":"other","primary":true}]
            """, result["emails"]);
    }

    [Fact]
    public void Replace_multi_valued_attribute_replaces_all_values()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","path":"emails","value":[{"value":"only@contoso.example","type":"work"}]}"""));

        AssertJsonEqual("""[{"value":"only@contoso.example","type":"work"}]""", result["emails"]);
    }

    [Fact]
    public void Roles_value_with_json_in_a_string_is_stored_verbatim()
    {
        var result = ApplyPatch(StoredUser(), Ops("""
            {"op":"Add","path":"roles","value":[{"primary":"False","type":"WindowsAzureActiveDirectoryRole","value":"{\"id\":\"7b1c\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}]}
            """));

        AssertJsonEqual("""[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","value":"{\"id\":\"7b1c\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}]""", result["roles"]);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("meta")]
    [InlineData("meta.lastModified")]
    [InlineData("groups")]
    public void Setting_read_only_attributes_is_mutability_error(string path)
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops($$"""{"op":"replace","path":"{{path}}","value":"x"}""")));

        Assert.Equal(ScimErrorType.Mutability, error.ScimType);
    }

    [Fact]
    public void No_path_value_echoing_the_current_id_is_accepted()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","value":{"id":"u-7f3a","title":"Lead"}}"""));

        Assert.Equal("Lead", result["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"userName","value":""}""")]
    [InlineData("""{"op":"remove","path":"userName"}""")]
    public void Emptying_user_name_is_invalid_value(string operation)
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops(operation)));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
        Assert.Contains("userName", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_second_operation_leaves_the_input_unchanged()
    {
        var user = StoredUser();
        var before = user.ToJsonString();

        Assert.Throws<ScimException>(() => ApplyPatch(user, Ops("""
            {"op":"replace","path":"title","value":"Changed"},
            {"op":"replace","path":"active","value":"maybe"}
            """)));

        Assert.Equal(before, user.ToJsonString());
    }

    [Fact]
    public void Error_detail_names_the_failing_operation_index()
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops("""
            {"op":"replace","path":"title","value":"Changed"},
            {"op":"replace","path":"id","value":"x"}
            """)));

        Assert.StartsWith("Operations[1] (replace 'id')", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Successful_patch_does_not_modify_the_input()
    {
        var user = StoredUser();
        var before = user.ToJsonString();

        _ = ApplyPatch(user, Ops("""{"op":"replace","path":"title","value":"Changed"}"""));

        Assert.Equal(before, user.ToJsonString());
    }

    [Fact]
    public void Unknown_attribute_paths_are_ignored()
    {
        var user = StoredUser();

        var result = ApplyPatch(user, Ops("""
            {"op":"add","path":"urn:ietf:params:scim:schemas:extension:CustomExt:2.0:User:badge","value":"7"},
            {"op":"replace","path":"favouriteColour","value":"green"}
            """));

        AssertJsonEqual(user.ToJsonString(), result);
    }

    [Fact]
    public void Id_and_meta_are_preserved()
    {
        var user = StoredUser();

        var result = ApplyPatch(user, Ops("""{"op":"replace","path":"title","value":"x"}"""));

        AssertJsonEqual(user["meta"]!.ToJsonString(), result["meta"]);
        Assert.Equal("u-7f3a", result["id"]!.GetValue<string>());
    }

    [Fact]
    public void Value_filter_on_a_single_valued_attribute_is_invalid_path()
    {
        var error = Assert.Throws<ScimException>(() => ApplyPatch(StoredUser(), Ops("""{"op":"replace","path":"name[givenName eq \"Ada\"].familyName","value":"x"}""")));

        Assert.Equal(ScimErrorType.InvalidPath, error.ScimType);
    }

    [Fact]
    public void Attribute_names_in_paths_ignore_case()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","path":"NAME.FAMILYNAME","value":"King"}"""));

        Assert.Equal("King", result["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public void Replace_with_null_value_clears_the_attribute()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","path":"title","value":null}"""));

        Assert.False(result.ContainsKey("title"));
    }

    [Fact]
    public void Legacy_dot_before_extension_attribute_is_accepted()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department","value":"Blue Team"}"""));

        Assert.Equal("Blue Team", result[Enterprise]!["department"]!.GetValue<string>());
    }

    [Fact]
    public void Replace_complex_attribute_by_path_keeps_unmentioned_sub_attributes()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","path":"name","value":{"givenName":"Augusta"}}"""));

        AssertJsonEqual("""{"formatted":"Ada Lovelace","familyName":"Lovelace","givenName":"Augusta"}""", result["name"]);
    }

    [Fact]
    public void Add_single_object_to_multi_valued_attribute_appends_it()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"add","path":"phoneNumbers","value":{"value":"+1 555 0100","type":"mobile"}}"""));

        AssertJsonEqual("""[{"value":"+1 555 0100","type":"mobile"}]""", result["phoneNumbers"]);
    }

    [Fact]
    public void Add_to_extension_root_path_merges_its_attributes()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","value":{"division":"Security","manager":{"value":"u-boss"}}}"""));

        AssertJsonEqual("""{"department":"SOC","division":"Security","manager":{"value":"u-boss"}}""", result[Enterprise]);
    }

    [Fact]
    public void Remove_extension_root_path_removes_the_extension()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}"""));

        Assert.False(result.ContainsKey(Enterprise));
    }

    [Fact]
    public void Okta_deactivate_is_a_no_path_replace()
    {
        var result = ApplyPatch(StoredUser(), Ops("""{"op":"replace","value":{"active":false}}"""));

        Assert.False(result["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Filtered_replace_with_primary_clears_primary_elsewhere()
    {
        var user = StoredUser();
        user["emails"]!.AsArray().Add(Parse("""{"value":"ada@home.example","type":"home"}"""));

        var result = ApplyPatch(user, Ops("""{"op":"replace","path":"emails[type eq \"home\"].primary","value":"True"}"""));

        AssertJsonEqual("""
            [{"value":"ada.lovelace@contoso.example","type":"work","primary":false},
             {"value":"ada@home.example","type":"home","primary":true}]
            """, result["emails"]);
    }
}
