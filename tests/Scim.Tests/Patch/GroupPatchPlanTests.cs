using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Patch;
using static Total.Scim.Tests.Patch.PatchTestData;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Patch;

public class GroupPatchPlanTests
{
    private static JsonObject StoredGroup() => Parse("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g-1",
         "externalId":"2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21","displayName":"Vendor-Admins",
         "meta":{"resourceType":"Group","version":"W/\"4\""}}
        """);

    private static GroupPatchPlan Plan(string body) =>
        ScimPatch.PlanGroupPatch(StoredGroup(), ScimPatch.ParseRequest(Parse(body)));

    [Fact]
    public void Add_members_with_value_list()
    {
        var plan = Plan(Ops("""{"op":"Add","path":"members","value":[{"$ref":null,"value":"u-7f3a"},{"$ref":null,"value":"u-91bc"}]}"""));

        var add = Assert.IsType<AddMembers>(Assert.Single(plan.MemberOperations));
        Assert.Equal(["u-7f3a", "u-91bc"], add.MemberIds);
    }

    [Fact]
    public void Duplicate_ids_in_one_add_are_collapsed()
    {
        var plan = Plan(Ops("""{"op":"add","path":"members","value":[{"value":"u-1"},{"value":"u-1"}]}"""));

        Assert.Equal(["u-1"], Assert.IsType<AddMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void Remove_with_value_list_removes_only_listed_members()
    {
        var plan = Plan(Ops("""{"op":"Remove","path":"members","value":[{"value":"u-91bc"}]}"""));

        var remove = Assert.IsType<RemoveMembers>(Assert.Single(plan.MemberOperations));
        Assert.Equal(["u-91bc"], remove.MemberIds);
    }

    [Fact]
    public void Remove_with_value_filter_removes_that_member()
    {
        var plan = Plan(Ops("""{"op":"remove","path":"members[value eq \"u-91bc\"]"}"""));

        Assert.Equal(["u-91bc"], Assert.IsType<RemoveMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void Remove_with_or_filter_removes_each_listed_member()
    {
        var plan = Plan(Ops("""{"op":"remove","path":"members[value eq \"a\" or value eq \"b\"]"}"""));

        Assert.Equal(["a", "b"], Assert.IsType<RemoveMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void Remove_members_without_value_removes_all_members()
    {
        var plan = Plan(Ops("""{"op":"remove","path":"members"}"""));

        Assert.IsType<RemoveAllMembers>(Assert.Single(plan.MemberOperations));
    }

    [Fact]
    public void Remove_members_with_empty_value_list_removes_nothing()
    {
        var plan = Plan(Ops("""{"op":"remove","path":"members","value":[]}"""));

        Assert.Empty(plan.MemberOperations);
    }

    [Fact]
    public void Replace_members_with_list()
    {
        var plan = Plan(Ops("""{"op":"replace","path":"members","value":[{"value":"u-1"},{"value":"u-2"}]}"""));

        Assert.Equal(["u-1", "u-2"], Assert.IsType<ReplaceMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void Replace_members_with_empty_list_empties_the_group()
    {
        var plan = Plan(Ops("""{"op":"replace","path":"members","value":[]}"""));

        Assert.Empty(Assert.IsType<ReplaceMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void No_path_add_with_members_adds_them()
    {
        var plan = Plan(Ops("""{"op":"add","value":{"members":[{"value":"u-1"}]}}"""));

        Assert.Equal(["u-1"], Assert.IsType<AddMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void No_path_replace_with_display_name_and_members_renames_and_replaces()
    {
        var plan = Plan(Ops("""{"op":"replace","value":{"displayName":"Vendor-Admins-EU","members":[{"value":"u-1"}]}}"""));

        Assert.Equal("Vendor-Admins-EU", plan.Group["displayName"]!.GetValue<string>());
        Assert.Equal(["u-1"], Assert.IsType<ReplaceMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void Rename_changes_only_the_group_object()
    {
        var plan = Plan(Ops("""{"op":"Replace","path":"displayName","value":"Vendor-Admins-EU"}"""));

        Assert.Empty(plan.MemberOperations);
        Assert.Equal("Vendor-Admins-EU", plan.Group["displayName"]!.GetValue<string>());
        Assert.Equal("g-1", plan.Group["id"]!.GetValue<string>());
        Assert.False(plan.Group.ContainsKey("members"));
    }

    [Fact]
    public void Okta_remove_then_add_in_one_request_keeps_order()
    {
        var plan = Plan(Ops("""
            {"op":"remove","path":"members[value eq \"u-old\"]"},
            {"op":"add","path":"members","value":[{"value":"u-new"}]}
            """));

        Assert.Collection(
            plan.MemberOperations,
            first => Assert.Equal(["u-old"], Assert.IsType<RemoveMembers>(first).MemberIds),
            second => Assert.Equal(["u-new"], Assert.IsType<AddMembers>(second).MemberIds));
    }

    [Theory]
    [InlineData("members[display eq \"Ada\"]")]
    [InlineData("members[value ne \"a\"]")]
    [InlineData("members[value eq \"a\" and value eq \"b\"]")]
    [InlineData("members[value sw \"a\"]")]
    public void Member_filters_other_than_value_eq_are_invalid_filter(string path)
    {
        var error = Assert.Throws<ScimException>(() => Plan(Ops($$"""{"op":"remove","path":"{{path.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""")));

        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
        Assert.Contains("value eq", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"value":""}]""")]
    [InlineData("""[{"value":"  "}]""")]
    [InlineData("""[{"value":42}]""")]
    [InlineData("""[{"$ref":"https://x/Users/u-1"}]""")]
    [InlineData("""[null]""")]
    public void Member_values_must_be_non_empty_strings(string value)
    {
        var error = Assert.Throws<ScimException>(() => Plan(Ops($$"""{"op":"add","path":"members","value":{{value}}}""")));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void Add_members_without_value_is_invalid_value()
    {
        var error = Assert.Throws<ScimException>(() => Plan(Ops("""{"op":"add","path":"members"}""")));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void Add_with_member_filter_path_is_invalid_path()
    {
        var error = Assert.Throws<ScimException>(() => Plan(Ops("""{"op":"add","path":"members[value eq \"a\"]","value":[{"value":"a"}]}""")));

        Assert.Equal(ScimErrorType.InvalidPath, error.ScimType);
    }

    [Fact]
    public void Member_sub_attribute_path_is_invalid_path()
    {
        var error = Assert.Throws<ScimException>(() => Plan(Ops("""{"op":"remove","path":"members.value"}""")));

        Assert.Equal(ScimErrorType.InvalidPath, error.ScimType);
    }

    [Fact]
    public void Remove_without_path_is_no_target()
    {
        var error = Assert.Throws<ScimException>(() => Plan(Ops("""{"op":"remove"}""")));

        Assert.Equal(ScimErrorType.NoTarget, error.ScimType);
    }

    [Fact]
    public void Emptying_display_name_is_invalid_value()
    {
        var error = Assert.Throws<ScimException>(() => Plan(Ops("""{"op":"replace","path":"displayName","value":""}""")));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void Failure_in_a_later_operation_fails_the_whole_plan_and_leaves_the_group_unchanged()
    {
        var group = StoredGroup();
        var before = group.ToJsonString();
        var operations = ScimPatch.ParseRequest(Parse(Ops("""
            {"op":"replace","path":"displayName","value":"Renamed"},
            {"op":"add","path":"members","value":[{"value":""}]}
            """)));

        var error = Assert.Throws<ScimException>(() => ScimPatch.PlanGroupPatch(group, operations));

        Assert.StartsWith("Operations[1]", error.Detail, StringComparison.Ordinal);
        Assert.Equal(before, group.ToJsonString());
    }

    [Fact]
    public void External_id_replace_is_applied_to_the_group()
    {
        var plan = Plan(Ops("""{"op":"replace","path":"externalId","value":"new-object-id"}"""));

        Assert.Equal("new-object-id", plan.Group["externalId"]!.GetValue<string>());
    }

    [Fact]
    public void Member_values_as_plain_strings_are_accepted()
    {
        var plan = Plan(Ops("""{"op":"add","path":"members","value":["u-1","u-2"]}"""));

        Assert.Equal(["u-1", "u-2"], Assert.IsType<AddMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void Urn_qualified_members_path_is_a_member_operation()
    {
        var plan = Plan(Ops("""{"op":"add","path":"urn:ietf:params:scim:schemas:core:2.0:Group:members","value":[{"value":"u-1"}]}"""));

        Assert.Equal(["u-1"], Assert.IsType<AddMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }

    [Fact]
    public void Legacy_remove_with_single_member_object_removes_only_that_member()
    {
        var plan = Plan(Ops("""{"op":"Remove","path":"members","value":{"value":"u-91bc"}}"""));

        Assert.Equal(["u-91bc"], Assert.IsType<RemoveMembers>(Assert.Single(plan.MemberOperations)).MemberIds);
    }
}
