using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Messages;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Messages;

public class ListQueryTests
{
    private static ListQuery Query(params (string Key, string? Value)[] parameters) =>
        ListQuery.FromQuery(parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    [Fact]
    public void Defaults_start_at_one_with_default_page_size()
    {
        var query = Query();

        Assert.Equal(1, query.StartIndex);
        Assert.Equal(ListQueryLimits.Default.DefaultCount, query.Count);
        Assert.Null(query.Filter);
        Assert.Null(query.SortBy);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-5", 1)]
    [InlineData("1", 1)]
    [InlineData("6", 6)]
    [InlineData("99999999999999999999999", int.MaxValue)]
    public void Start_index_below_one_is_one(string startIndex, int expected)
    {
        Assert.Equal(expected, Query(("startIndex", startIndex)).StartIndex);
    }

    [Theory]
    [InlineData("-1", 0)]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData("1000", 1000)]
    [InlineData("5000", 1000)]
    public void Count_is_clamped_between_zero_and_the_maximum(string count, int expected)
    {
        Assert.Equal(expected, Query(("count", count)).Count);
    }

    [Theory]
    [InlineData("startIndex", "abc")]
    [InlineData("startIndex", "1.5")]
    [InlineData("count", "ten")]
    public void Non_integer_paging_is_invalid_value(string name, string value)
    {
        var error = Assert.Throws<ScimException>(() => Query((name, value)));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
        Assert.Contains(name, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ascending", ScimSortOrder.Ascending)]
    [InlineData("DESCENDING", ScimSortOrder.Descending)]
    [InlineData(null, ScimSortOrder.Ascending)]
    public void Sort_order_is_parsed_ignoring_case(string? sortOrder, ScimSortOrder expected)
    {
        Assert.Equal(expected, Query(("sortBy", "userName"), ("sortOrder", sortOrder)).SortOrder);
    }

    [Fact]
    public void Invalid_sort_order_is_rejected()
    {
        var error = Assert.Throws<ScimException>(() => Query(("sortOrder", "sideways")));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void Filter_is_parsed()
    {
        var query = Query(("filter", "userName eq \"ada\""));

        Assert.IsType<ComparisonNode>(query.Filter);
    }

    [Fact]
    public void Invalid_filter_is_invalid_filter()
    {
        var error = Assert.Throws<ScimException>(() => Query(("filter", "userName eq")));

        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
    }

    [Fact]
    public void Parameter_names_ignore_case_and_unknown_ones_are_ignored()
    {
        var query = Query(("COUNT", "5"), ("aadOptscim062020", null), ("ExcludedAttributes", "members"));

        Assert.Equal(5, query.Count);
        Assert.Single(query.Projection.ExcludedAttributes);
    }

    [Fact]
    public void Search_request_body_uses_json_numbers_and_attribute_arrays()
    {
        var query = ListQuery.FromSearchRequest(Parse("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "attributes":["displayName","userName"],"filter":"displayName sw \"Ada\"",
             "startIndex":3,"count":10,"sortBy":"userName","sortOrder":"descending"}
            """));

        Assert.Equal(3, query.StartIndex);
        Assert.Equal(10, query.Count);
        Assert.Equal(ScimSortOrder.Descending, query.SortOrder);
        Assert.Equal(new ScimAttributePath(null, "userName"), query.SortBy);
        Assert.Equal(2, query.Projection.Attributes.Count);
        Assert.IsType<ComparisonNode>(query.Filter);
    }

    [Fact]
    public void Search_request_without_schemas_is_accepted()
    {
        var query = ListQuery.FromSearchRequest(Parse("""{"count":0}"""));

        Assert.Equal(0, query.Count);
    }

    [Fact]
    public void Search_request_with_other_schemas_is_invalid_syntax()
    {
        var error = Assert.Throws<ScimException>(() => ListQuery.FromSearchRequest(Parse("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""")));

        Assert.Equal(ScimErrorType.InvalidSyntax, error.ScimType);
    }

    [Theory]
    [InlineData("""{"count":1.5}""")]
    [InlineData("""{"startIndex":true}""")]
    [InlineData("""{"count":"many"}""")]
    public void Search_request_with_non_integer_paging_is_invalid_value(string body)
    {
        var error = Assert.Throws<ScimException>(() => ListQuery.FromSearchRequest(Parse(body)));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void Search_request_negative_values_are_clamped()
    {
        var query = ListQuery.FromSearchRequest(Parse("""{"startIndex":-4,"count":-1}"""));

        Assert.Equal(1, query.StartIndex);
        Assert.Equal(0, query.Count);
    }

    [Fact]
    public void Custom_filter_limits_apply_to_the_filter()
    {
        var limits = new ListQueryLimits { Filter = new FilterLimits(MaxLength: 10) };

        var error = Assert.Throws<ScimException>(() => ListQuery.FromQuery([new("filter", "userName eq \"ada\"")], limits));

        Assert.Equal(ScimErrorType.InvalidFilter, error.ScimType);
    }

    [Fact]
    public void Custom_limits_cap_count()
    {
        var query = ListQuery.FromQuery([new("count", "80")], new ListQueryLimits(DefaultCount: 10, MaxCount: 50));

        Assert.Equal(50, query.Count);
    }
}
