using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Schema;

namespace Total.Scim.Tests.Filter;

public class FilterParserTests
{
    private static ScimAttributePath P(string name, string? sub = null, string? urn = null) => new(urn, name, sub);

    [Fact]
    public void Parses_simple_equality()
    {
        var node = FilterParser.Parse("userName eq \"ada.lovelace@contoso.example\"");

        Assert.Equal(new ComparisonNode(P("userName"), ComparisonOperator.Eq, FilterLiteral.FromString("ada.lovelace@contoso.example")), node);
    }

    [Theory]
    [InlineData("eq", ComparisonOperator.Eq)]
    [InlineData("NE", ComparisonOperator.Ne)]
    [InlineData("Co", ComparisonOperator.Co)]
    [InlineData("sw", ComparisonOperator.Sw)]
    [InlineData("EW", ComparisonOperator.Ew)]
    [InlineData("gt", ComparisonOperator.Gt)]
    [InlineData("ge", ComparisonOperator.Ge)]
    [InlineData("lt", ComparisonOperator.Lt)]
    [InlineData("LE", ComparisonOperator.Le)]
    public void Operators_are_case_insensitive(string op, ComparisonOperator expected)
    {
        var node = (ComparisonNode)FilterParser.Parse($"title {op} \"x\"");

        Assert.Equal(expected, node.Operator);
    }

    [Fact]
    public void Parses_present_operator()
    {
        Assert.Equal(new PresentNode(P("title")), FilterParser.Parse("title PR"));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var node = FilterParser.Parse("a eq \"1\" or b eq \"2\" and c eq \"3\"");

        var or = Assert.IsType<OrNode>(node);
        Assert.IsType<ComparisonNode>(or.Left);
        Assert.IsType<AndNode>(or.Right);
    }

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        var node = FilterParser.Parse("not (a eq \"1\") and b eq \"2\"");

        var and = Assert.IsType<AndNode>(node);
        Assert.IsType<NotNode>(and.Left);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var node = FilterParser.Parse("(a eq \"1\" or b eq \"2\") and c eq \"3\"");

        var and = Assert.IsType<AndNode>(node);
        Assert.IsType<OrNode>(and.Left);
    }

    [Fact]
    public void Logical_keywords_are_case_insensitive()
    {
        var node = FilterParser.Parse("a eq \"1\" AND NOT(b eq \"2\") Or c pr");

        Assert.IsType<OrNode>(node);
    }

    [Fact]
    public void And_chains_are_left_associative()
    {
        var node = FilterParser.Parse("a pr and b pr and c pr");

        var outer = Assert.IsType<AndNode>(node);
        Assert.IsType<AndNode>(outer.Left);
        Assert.Equal(new PresentNode(P("c")), outer.Right);
    }

    [Theory]
    [InlineData("""title eq "say \"hi\"" """, "say \"hi\"")]
    [InlineData("""title eq "back\\slash" """, "back\\slash")]
    [InlineData("""title eq "caf\u00e9" """, "café")]
    [InlineData("""title eq "tab\there" """, "tab\there")]
    [InlineData("""title eq "a\/b" """, "a/b")]
    public void String_literals_decode_json_escapes(string filter, string expected)
    {
        var node = (ComparisonNode)FilterParser.Parse(filter);

        Assert.Equal(expected, node.Value.Text);
    }

    [Fact]
    public void Plus_signs_and_spaces_inside_strings_are_kept()
    {
        var node = (ComparisonNode)FilterParser.Parse("userName eq \"ada+test @contoso.example\"");

        Assert.Equal("ada+test @contoso.example", node.Value.Text);
    }

    [Fact]
    public void Brackets_and_keywords_inside_strings_are_literal()
    {
        var node = (ComparisonNode)FilterParser.Parse("displayName eq \"Admins (EU) [and] or\"");

        Assert.Equal("Admins (EU) [and] or", node.Value.Text);
    }

    [Theory]
    [InlineData("active eq true", FilterLiteralKind.Boolean, "true")]
    [InlineData("active eq FALSE", FilterLiteralKind.Boolean, "false")]
    [InlineData("title eq null", FilterLiteralKind.Null, "null")]
    [InlineData("age gt 42", FilterLiteralKind.Number, "42")]
    [InlineData("score le -1.5e2", FilterLiteralKind.Number, "-1.5e2")]
    public void Parses_boolean_null_and_number_literals(string filter, FilterLiteralKind kind, string text)
    {
        var node = (ComparisonNode)FilterParser.Parse(filter);

        Assert.Equal(kind, node.Value.Kind);
        Assert.Equal(text, node.Value.Text);
    }

    [Fact]
    public void Accepts_legacy_unquoted_value()
    {
        var node = FilterParser.Parse("externalId eq jyoung");

        Assert.Equal(new ComparisonNode(P("externalId"), ComparisonOperator.Eq, FilterLiteral.FromString("jyoung")), node);
    }

    [Fact]
    public void Parses_urn_qualified_attribute_with_sub_attribute()
    {
        var node = (ComparisonNode)FilterParser.Parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"u-1\"");

        Assert.Equal(P("manager", "value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"), node.Path);
    }

    [Fact]
    public void Parses_sub_attribute_path()
    {
        var node = (ComparisonNode)FilterParser.Parse("name.familyName sw \"Love\"");

        Assert.Equal(P("name", "familyName"), node.Path);
    }

    [Fact]
    public void Parses_value_path_with_logical_filter()
    {
        var node = FilterParser.Parse("emails[type eq \"work\" and primary eq true]");

        var expected = new ValuePathNode(
            P("emails"),
            new AndNode(
                new ComparisonNode(P("type"), ComparisonOperator.Eq, FilterLiteral.FromString("work")),
                new ComparisonNode(P("primary"), ComparisonOperator.Eq, FilterLiteral.FromBoolean(true))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Value_path_followed_by_sub_attribute_comparison_folds_into_the_value_filter()
    {
        var node = FilterParser.Parse("emails[type eq \"work\"].value eq \"ada@contoso.example\"");

        var expected = new ValuePathNode(
            P("emails"),
            new AndNode(
                new ComparisonNode(P("type"), ComparisonOperator.Eq, FilterLiteral.FromString("work")),
                new ComparisonNode(P("value"), ComparisonOperator.Eq, FilterLiteral.FromString("ada@contoso.example"))));
        Assert.Equal(expected, node);
    }

    [Fact]
    public void Parses_member_check_with_id_and_value_path()
    {
        var node = FilterParser.Parse("id eq \"g-1\" and members[value eq \"u-1\"]");

        var and = Assert.IsType<AndNode>(node);
        Assert.IsType<ValuePathNode>(and.Right);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("userName", "position 9")]
    [InlineData("userName eq", "position 12")]
    [InlineData("userName xx \"a\"", "position 10")]
    [InlineData("userName eq \"unterminated", "position 13")]
    [InlineData("(userName eq \"a\"", "position 1")]
    [InlineData("userName eq \"a\")", "position 16")]
    [InlineData("emails[type eq \"work\"", "position 7")]
    [InlineData("userName eq \"a\" and", "position 20")]
    [InlineData("userName eq \"a\" userName eq \"b\"", "position 17")]
    [InlineData("1name eq \"a\"", "position 1")]
    [InlineData("title eq \"bad \\q escape\"", "position 15")]
    [InlineData("title eq \"\\u12\"", "position 11")]
    [InlineData("emails[type eq \"work\" and members[value eq \"x\"]]", "nested")]
    [InlineData("active gt true", "position 8")]
    [InlineData("title co null", "position 7")]
    [InlineData("title eq and", "position 10")]
    public void Syntax_errors_are_invalid_filter_with_position(string filter, string expectedInDetail)
    {
        var error = Assert.Throws<ScimException>(() => FilterParser.Parse(filter));

        Assert.Equal(400, error.Status);
        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
        Assert.Contains(expectedInDetail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_longer_than_the_limit_are_rejected()
    {
        var filter = "title eq \"" + new string('a', FilterLimits.Default.MaxLength) + "\"";

        var error = Assert.Throws<ScimException>(() => FilterParser.Parse(filter));

        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
    }

    [Fact]
    public void Filters_with_too_many_terms_are_rejected()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, FilterLimits.Default.MaxTerms + 1).Select(i => $"title eq \"{i}\""));

        var error = Assert.Throws<ScimException>(() => FilterParser.Parse(filter));

        Assert.Contains("terms", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_nested_too_deeply_are_rejected()
    {
        var depth = FilterLimits.Default.MaxDepth + 1;
        var filter = new string('(', depth) + "title pr" + new string(')', depth);

        var error = Assert.Throws<ScimException>(() => FilterParser.Parse(filter));

        Assert.Contains("nests", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_limits_replace_the_defaults()
    {
        var limits = new FilterLimits(MaxLength: 40, MaxTerms: 3, MaxDepth: 1);

        Assert.Contains("longer than 40", Assert.Throws<ScimException>(() => FilterParser.Parse("title eq \"" + new string('a', 40) + "\"", limits)).Detail, StringComparison.Ordinal);
        Assert.Contains("more than 3 terms", Assert.Throws<ScimException>(() => FilterParser.Parse("a pr or b pr or c pr", limits)).Detail, StringComparison.Ordinal);
        Assert.Contains("deeper than 1", Assert.Throws<ScimException>(() => FilterParser.Parse("((a pr))", limits)).Detail, StringComparison.Ordinal);
        Assert.IsType<OrNode>(FilterParser.Parse("a pr or (b pr)", limits));
    }

    [Theory]
    [InlineData("userName eq \"\\ud800\"")]
    [InlineData("userName eq \"x\\udc00\"")]
    [InlineData("userName eq \"\\ud83dx\"")]
    public void Unpaired_surrogate_escapes_are_invalid_filter(string filter)
    {
        var error = Assert.Throws<ScimException>(() => FilterParser.Parse(filter));

        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
        Assert.Contains("surrogate", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("userName eq \"a\u0000\"")]
    [InlineData("userName eq \"a\\u0000\"")]
    public void A_nul_character_is_invalid_filter(string filter)
    {
        var error = Assert.Throws<ScimException>(() => FilterParser.Parse(filter));

        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
    }

    [Fact]
    public void A_surrogate_pair_escape_is_one_character()
    {
        var node = (ComparisonNode)FilterParser.Parse("userName eq \"\\ud83d\\ude00\"");

        Assert.Equal("😀", node.Value.Text);
    }

    [Fact]
    public void Error_detail_does_not_echo_string_values()
    {
        var error = Assert.Throws<ScimException>(() => FilterParser.Parse("password eq \"hunter2\" garbage"));

        Assert.DoesNotContain("hunter2", error.Detail, StringComparison.Ordinal);
    }
}
