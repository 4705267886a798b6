using System.Text.Json.Nodes;
using Total.Scim.Messages;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Messages;

public class ScimSortComparerTests
{
    private static string[] Sort(string sortBy, ScimSortOrder order, ScimResourceSchema schema, params string[] resources)
    {
        Assert.True(ScimAttributePath.TryParse(sortBy, out var path));
        var list = resources.Select(Parse).ToList();
        list.Sort(new ScimSortComparer(path!, order, schema));
        return list.Select(r => r["id"]!.GetValue<string>()).ToArray();
    }

    [Fact]
    public void User_name_sorts_ignoring_case()
    {
        var ids = Sort("userName", ScimSortOrder.Ascending, ScimResourceSchema.User,
            """{"id":"1","userName":"bob"}""", """{"id":"2","userName":"Alice"}""", """{"id":"3","userName":"carol"}""");

        Assert.Equal(["2", "1", "3"], ids);
    }

    [Fact]
    public void External_id_sorts_case_exactly()
    {
        var ids = Sort("externalId", ScimSortOrder.Ascending, ScimResourceSchema.User,
            """{"id":"1","externalId":"b"}""", """{"id":"2","externalId":"B"}""", """{"id":"3","externalId":"a"}""");

        Assert.Equal(["2", "3", "1"], ids);
    }

    [Theory]
    [InlineData(ScimSortOrder.Ascending)]
    [InlineData(ScimSortOrder.Descending)]
    public void Missing_values_sort_last(ScimSortOrder order)
    {
        var ids = Sort("title", order, ScimResourceSchema.User,
            """{"id":"1"}""", """{"id":"2","title":"b"}""", """{"id":"3","title":"a"}""");

        Assert.Equal("1", ids[^1]);
    }

    [Fact]
    public void Descending_reverses_the_order()
    {
        var ids = Sort("title", ScimSortOrder.Descending, ScimResourceSchema.User,
            """{"id":"1","title":"a"}""", """{"id":"2","title":"c"}""", """{"id":"3","title":"b"}""");

        Assert.Equal(["2", "3", "1"], ids);
    }

    [Fact]
    public void Date_times_sort_as_instants()
    {
        var ids = Sort("meta.lastModified", ScimSortOrder.Ascending, ScimResourceSchema.User,
            """{"id":"1","meta":{"lastModified":"2026-11-01T10:00:00+02:00"}}""",
            """{"id":"2","meta":{"lastModified":"2026-11-01T09:00:00Z"}}""");

        Assert.Equal(["1", "2"], ids);
    }

    [Fact]
    public void Multi_valued_attribute_sorts_by_its_primary_value()
    {
        var ids = Sort("emails", ScimSortOrder.Ascending, ScimResourceSchema.User,
            """{"id":"1","emails":[{"value":"a@x"},{"value":"z@x","primary":true}]}""",
            """{"id":"2","emails":[{"value":"m@x"}]}""");

        Assert.Equal(["2", "1"], ids);
    }

    [Fact]
    public void Ties_are_broken_by_id()
    {
        var ids = Sort("title", ScimSortOrder.Ascending, ScimResourceSchema.User,
            """{"id":"b","title":"same"}""", """{"id":"a","title":"same"}""");

        Assert.Equal(["a", "b"], ids);
    }
}
