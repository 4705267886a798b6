using Total.Scim.Filter;
using Total.Scim.Schema;

namespace Total.Scim.Tests.Filter;

public class FilterLookupTests
{
    [Theory]
    [InlineData("userName eq \"ada@contoso.example\"", "userName", "ada@contoso.example")]
    [InlineData("USERNAME eq \"ada@contoso.example\"", "userName", "ada@contoso.example")]
    [InlineData("externalId eq \"6d2f0b84\"", "externalId", "6d2f0b84")]
    [InlineData("externalId eq jyoung", "externalId", "jyoung")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"42\"", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "42")]
    public void Single_user_equality_is_an_index_lookup(string filter, string path, string value)
    {
        var found = FilterLookup.TryGetEqualityLookups(FilterParser.Parse(filter), ScimResourceSchema.User, out var terms);

        Assert.True(found);
        Assert.Equal([new EqualityLookup(path, value)], terms);
    }

    [Fact]
    public void Group_display_name_equality_is_an_index_lookup()
    {
        var found = FilterLookup.TryGetEqualityLookups(FilterParser.Parse("displayName eq \"Vendor-Admins\""), ScimResourceSchema.Group, out var terms);

        Assert.True(found);
        Assert.Equal([new EqualityLookup("displayName", "Vendor-Admins")], terms);
    }

    [Theory]
    [InlineData("id eq \"g-1\" and members[value eq \"u-1\"]")]
    [InlineData("id eq \"g-1\" and members eq \"u-1\"")]
    [InlineData("id eq \"g-1\" and members.value eq \"u-1\"")]
    public void Group_membership_check_yields_id_and_member_terms(string filter)
    {
        var found = FilterLookup.TryGetEqualityLookups(FilterParser.Parse(filter), ScimResourceSchema.Group, out var terms);

        Assert.True(found);
        Assert.Equal([new EqualityLookup("id", "g-1"), new EqualityLookup("members.value", "u-1")], terms);
    }

    [Fact]
    public void Typed_email_value_yields_type_and_value_terms()
    {
        var found = FilterLookup.TryGetEqualityLookups(FilterParser.Parse("emails[type eq \"work\"].value eq \"ada@contoso.example\""), ScimResourceSchema.User, out var terms);

        Assert.True(found);
        Assert.Equal([new EqualityLookup("emails.type", "work"), new EqualityLookup("emails.value", "ada@contoso.example")], terms);
    }

    [Theory]
    [InlineData("userName eq \"a\" or userName eq \"b\"")]
    [InlineData("userName sw \"a\"")]
    [InlineData("active eq true")]
    [InlineData("not (userName eq \"a\")")]
    [InlineData("userName pr")]
    public void Other_filters_are_not_equality_lookups(string filter)
    {
        var found = FilterLookup.TryGetEqualityLookups(FilterParser.Parse(filter), ScimResourceSchema.User, out _);

        Assert.False(found);
    }
}
