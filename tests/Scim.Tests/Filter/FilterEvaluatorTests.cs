using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Filter;

public class FilterEvaluatorTests
{
    private static readonly JsonObject Ada = Parse("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "u-7f3a",
          "externalId": "6d2f0b84-1c6e-4a57-b0f3-9e1d2c3b4a50",
          "userName": "Ada.Lovelace@contoso.example",
          "name": {"givenName": "Ada", "familyName": "Lovelace"},
          "title": "Security Analyst",
          "active": true,
          "emails": [
            {"value": "ada.lovelace@contoso.example", "type": "work", "primary": true},
            {"value": "ada@home.example", "type": "home"}
          ],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "SOC", "employeeNumber": "42", "manager": {"value": "u-boss"}},
          "meta": {"resourceType": "User", "created": "2026-11-01T08:00:00Z", "lastModified": "2026-11-02T10:30:00+02:00"}
        }
        """);

    private static readonly JsonObject Admins = Parse("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g-1","displayName":"Vendor-Admins",
         "members":[{"value":"u-7f3a"},{"value":"u-91bc"}]}
        """);

    private static bool UserMatches(string filter) => FilterEvaluator.Matches(FilterParser.Parse(filter), Ada, ScimResourceSchema.User);

    private static bool GroupMatches(string filter) => FilterEvaluator.Matches(FilterParser.Parse(filter), Admins, ScimResourceSchema.Group);

    [Theory]
    [InlineData("userName eq \"ada.lovelace@contoso.example\"", true)]
    [InlineData("USERNAME EQ \"ADA.LOVELACE@CONTOSO.EXAMPLE\"", true)]
    [InlineData("userName eq \"someone@contoso.example\"", false)]
    public void User_name_compares_case_insensitively(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("externalId eq \"6d2f0b84-1c6e-4a57-b0f3-9e1d2c3b4a50\"", true)]
    [InlineData("externalId eq \"6D2F0B84-1C6E-4A57-B0F3-9E1D2C3B4A50\"", false)]
    [InlineData("id eq \"u-7f3a\"", true)]
    [InlineData("id eq \"U-7F3A\"", false)]
    public void Id_and_external_id_compare_case_exactly(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Fact]
    public void Test_connection_random_guid_matches_nothing()
    {
        Assert.False(UserMatches("userName eq \"13c9a5e1-7b2f-4d8e-9a61-0c2f4b7e8d11\""));
    }

    [Fact]
    public void Legacy_unquoted_value_matches()
    {
        var resource = Parse("""{"id":"u-1","userName":"jyoung","externalId":"jyoung"}""");

        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("externalId eq jyoung"), resource, ScimResourceSchema.User));
    }

    [Theory]
    [InlineData("title co \"analyst\"", true)]
    [InlineData("title sw \"security\"", true)]
    [InlineData("title ew \"ANALYST\"", true)]
    [InlineData("title ne \"Security Analyst\"", false)]
    [InlineData("title gt \"A\"", true)]
    [InlineData("title lt \"A\"", false)]
    [InlineData("title ge \"security analyst\"", true)]
    [InlineData("title le \"security analyst\"", true)]
    public void String_operators_follow_case_insensitivity(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("title pr", true)]
    [InlineData("nickName pr", false)]
    [InlineData("emails pr", true)]
    [InlineData("name.middleName pr", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr", true)]
    public void Present_operator_tests_for_a_non_empty_value(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("emails.value eq \"ada@home.example\"", true)]
    [InlineData("emails.type eq \"other\"", false)]
    [InlineData("emails eq \"ada@home.example\"", true)]
    public void Multi_valued_attribute_matches_when_any_value_matches(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("emails[type eq \"work\" and primary eq true]", true)]
    [InlineData("emails[type eq \"home\" and primary eq true]", false)]
    [InlineData("emails[type eq \"work\"].value eq \"ada.lovelace@contoso.example\"", true)]
    [InlineData("emails[type eq \"home\"].value eq \"ada.lovelace@contoso.example\"", false)]
    [InlineData("emails[TYPE EQ \"WORK\"]", true)]
    public void Value_path_requires_one_value_to_satisfy_the_whole_filter(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("members eq \"u-91bc\"", true)]
    [InlineData("members.value eq \"u-91bc\"", true)]
    [InlineData("members[value eq \"u-91bc\"]", true)]
    [InlineData("members[value eq \"u-0000\"]", false)]
    [InlineData("id eq \"g-1\" and members[value eq \"u-7f3a\"]", true)]
    [InlineData("id eq \"g-1\" and members eq \"u-7f3a\"", true)]
    [InlineData("id eq \"g-2\" and members eq \"u-7f3a\"", false)]
    public void Group_member_checks_work_in_every_spelling(string filter, bool expected)
    {
        Assert.Equal(expected, GroupMatches(filter));
    }

    [Fact]
    public void Member_ids_compare_case_exactly()
    {
        Assert.False(GroupMatches("members[value eq \"U-91BC\"]"));
    }

    [Theory]
    [InlineData("displayName eq \"vendor-admins\"", true)]
    [InlineData("displayName eq \"Vendor-Admins\"", true)]
    public void Group_display_name_compares_case_insensitively(string filter, bool expected)
    {
        Assert.Equal(expected, GroupMatches(filter));
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"soc\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"42\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"u-boss\"", true)]
    [InlineData("manager eq \"u-boss\"", true)]
    [InlineData("id eq \"u-7f3a\" and manager eq \"u-boss\"", true)]
    public void Extension_attributes_are_found_qualified_or_not(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("meta.created gt \"2026-10-31T23:59:59Z\"", true)]
    [InlineData("meta.created eq \"2026-11-01T09:00:00+01:00\"", true)]
    [InlineData("meta.lastModified eq \"2026-11-02T08:30:00Z\"", true)]
    [InlineData("meta.lastModified lt \"2026-11-02T08:30:00Z\"", false)]
    [InlineData("meta.lastModified ge \"2026-11-02T08:30:00Z\"", true)]
    public void Date_times_compare_as_instants(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("active eq true", true)]
    [InlineData("active eq false", false)]
    [InlineData("active ne false", true)]
    public void Booleans_compare_with_eq_and_ne(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("active gt \"a\"")]
    [InlineData("active co \"t\"")]
    [InlineData("emails.primary lt \"x\"")]
    [InlineData("meta.created gt \"yesterday\"")]
    [InlineData("name eq \"Ada\"")]
    public void Operators_that_do_not_fit_the_type_are_invalid_filter(string filter)
    {
        var error = Assert.Throws<ScimException>(() => UserMatches(filter));

        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
    }

    [Fact]
    public void Validate_rejects_type_mismatches_without_any_resource()
    {
        var filter = FilterParser.Parse("userName eq \"x\" or emails[primary gt \"a\"]");

        var error = Assert.Throws<ScimException>(() => FilterEvaluator.Validate(filter, ScimResourceSchema.User));

        Assert.Contains("emails.primary", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not (title eq \"Security Analyst\")", false)]
    [InlineData("title eq \"x\" or title eq \"Security Analyst\"", true)]
    [InlineData("title eq \"x\" or title eq \"y\" and active eq true", false)]
    [InlineData("(title eq \"x\" or title pr) and active eq true", true)]
    [InlineData("title eq \"Security Analyst\" and not (active eq false)", true)]
    public void Logical_operators_follow_precedence(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Theory]
    [InlineData("favouriteColour eq \"green\"", true)]
    [InlineData("favouriteColour eq \"GREEN\"", true)]
    [InlineData("favouriteColour eq \"blue\"", false)]
    public void Unknown_attributes_compare_case_insensitively(string filter, bool expected)
    {
        var resource = Parse("""{"id":"u-1","userName":"x","favouriteColour":"Green"}""");

        Assert.Equal(expected, FilterEvaluator.Matches(FilterParser.Parse(filter), resource, ScimResourceSchema.User));
    }

    [Theory]
    [InlineData("nickName eq null", true)]
    [InlineData("title eq null", false)]
    [InlineData("title ne null", true)]
    public void Null_literal_tests_absence(string filter, bool expected)
    {
        Assert.Equal(expected, UserMatches(filter));
    }

    [Fact]
    public void Ne_matches_when_the_attribute_is_absent()
    {
        Assert.True(UserMatches("nickName ne \"Babs\""));
    }

    [Fact]
    public void Soft_deleted_user_is_still_found_by_filter()
    {
        var resource = Parse("""{"id":"u-1","userName":"ada","active":false}""");

        Assert.True(FilterEvaluator.Matches(FilterParser.Parse("userName eq \"ada\""), resource, ScimResourceSchema.User));
    }
}
