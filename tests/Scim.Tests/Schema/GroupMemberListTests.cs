using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Schema;

public class GroupMemberListTests
{
    [Theory]
    [InlineData("members")]
    [InlineData("Members")]
    [InlineData("MEMBERS")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members")]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:GROUP:Members")]
    public void Every_spelling_of_members_names_the_member_list(string key)
    {
        Assert.True(GroupMemberList.IsMembersKey(key));
    }

    [Theory]
    [InlineData("displayName")]
    [InlineData("members.value")]
    [InlineData("memberz")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:members")]
    public void Other_keys_do_not_name_the_member_list(string key)
    {
        Assert.False(GroupMemberList.IsMembersKey(key));
    }

    [Fact]
    public void Split_takes_members_in_another_case_out_of_the_body()
    {
        var (withoutMembers, ids) = GroupMemberList.Split(Parse("""{"displayName":"Vendor-Admins","Members":[{"Value":"u-1"},{"value":"u-2"}]}"""));

        Assert.Equal(["u-1", "u-2"], ids);
        AssertJsonEqual("""{"displayName":"Vendor-Admins"}""", withoutMembers);
    }

    [Fact]
    public void Split_reads_members_under_each_spelling_once()
    {
        var (withoutMembers, ids) = GroupMemberList.Split(Parse("""
            {"displayName":"Vendor-Admins","members":[{"value":"u-1"}],"urn:ietf:params:scim:schemas:core:2.0:Group:members":[{"value":"u-2"},{"value":"u-1"}]}
            """));

        Assert.Equal(["u-1", "u-2"], ids);
        AssertJsonEqual("""{"displayName":"Vendor-Admins"}""", withoutMembers);
    }

    [Theory]
    [InlineData("""{"displayName":"Vendor-Admins"}""")]
    [InlineData("""{"displayName":"Vendor-Admins","members":null}""")]
    [InlineData("""{"displayName":"Vendor-Admins","members":[]}""")]
    public void Split_of_a_body_without_members_lists_none(string body)
    {
        var (withoutMembers, ids) = GroupMemberList.Split(Parse(body));

        Assert.Empty(ids);
        AssertJsonEqual("""{"displayName":"Vendor-Admins"}""", withoutMembers);
    }

    [Fact]
    public void Split_leaves_the_body_it_was_given_unchanged()
    {
        var body = Parse("""{"displayName":"Vendor-Admins","Members":[{"value":"u-1"}]}""");

        GroupMemberList.Split(body);

        AssertJsonEqual("""{"displayName":"Vendor-Admins","Members":[{"value":"u-1"}]}""", body);
    }

    [Theory]
    [InlineData("""[{"value":"u-1"},{"value":"u-2"},{"value":"u-1"}]""")]
    [InlineData("""["u-1","u-2"]""")]
    [InlineData("""[{"$ref":null,"VALUE":"u-1"},"u-2"]""")]
    public void ReadIds_reads_each_id_once_in_order(string value)
    {
        Assert.Equal(["u-1", "u-2"], GroupMemberList.ReadIds(JsonNode.Parse(value), "members"));
    }

    [Fact]
    public void ReadIds_reads_a_single_member_given_without_a_list()
    {
        Assert.Equal(["u-1"], GroupMemberList.ReadIds(JsonNode.Parse("""{"value":"u-1"}"""), "value"));
    }

    [Theory]
    [InlineData("""[{"value":"u-1"},{"display":"Ada"}]""", "Members[1].value")]
    [InlineData("""[{"value":""}]""", "Members[0].value")]
    [InlineData("""[{"value":42}]""", "Members[0].value")]
    [InlineData("""[null]""", "Members[0].value")]
    [InlineData("""true""", "Members.value")]
    public void An_entry_without_an_id_is_400_invalidValue_naming_it(string value, string named)
    {
        var error = Assert.Throws<ScimException>(() => GroupMemberList.ReadIds(JsonNode.Parse(value), "Members"));

        Assert.Equal((400, ScimErrorType.InvalidValue), (error.Status, error.ScimType));
        Assert.StartsWith(named, error.Detail, StringComparison.Ordinal);
    }
}
