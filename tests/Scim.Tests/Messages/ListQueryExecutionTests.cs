using System.Text.Json.Nodes;
using Total.Scim.Messages;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Messages;

public class ListQueryExecutionTests
{
    private static readonly JsonObject[] Users =
    [
        Parse("""{"id":"u-3","userName":"carol","active":true}"""),
        Parse("""{"id":"u-1","userName":"alice","active":false}"""),
        Parse("""{"id":"u-2","userName":"Bob","active":true}"""),
        Parse("""{"id":"u-4","userName":"dave","active":true}"""),
        Parse("""{"id":"u-5","userName":"eve","active":true}"""),
    ];

    private static JsonObject Run(params (string Key, string? Value)[] parameters) =>
        ListQuery.FromQuery(parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Execute(Users, ScimResourceSchema.User);

    private static string[] Ids(JsonObject response) =>
        response["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public void Zero_hits_is_an_empty_list_response()
    {
        var response = Run(("filter", "userName eq \"13c9a5e1-7b2f-4d8e-9a61-0c2f4b7e8d11\""));

        AssertJsonEqual("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"startIndex":1,"itemsPerPage":0,"Resources":[]}""", response);
    }

    [Fact]
    public void Pages_are_stable_across_requests()
    {
        var first = Run(("sortBy", "userName"), ("startIndex", "1"), ("count", "2"));
        var second = Run(("sortBy", "userName"), ("startIndex", "3"), ("count", "2"));
        var third = Run(("sortBy", "userName"), ("startIndex", "5"), ("count", "2"));

        Assert.Equal(["u-1", "u-2"], Ids(first));
        Assert.Equal(["u-3", "u-4"], Ids(second));
        Assert.Equal(["u-5"], Ids(third));
        Assert.Equal(5, third["totalResults"]!.GetValue<int>());
        Assert.Equal(5, third["startIndex"]!.GetValue<int>());
        Assert.Equal(1, third["itemsPerPage"]!.GetValue<int>());
    }

    [Fact]
    public void Count_zero_returns_only_the_total()
    {
        var response = Run(("count", "0"));

        Assert.Equal(5, response["totalResults"]!.GetValue<int>());
        Assert.Empty(response["Resources"]!.AsArray());
    }

    [Fact]
    public void Start_index_past_the_end_returns_an_empty_page()
    {
        var response = Run(("startIndex", "99"));

        Assert.Equal(5, response["totalResults"]!.GetValue<int>());
        Assert.Equal(0, response["itemsPerPage"]!.GetValue<int>());
    }

    [Fact]
    public void Filter_sort_and_projection_combine()
    {
        var response = Run(("filter", "active eq true"), ("sortBy", "userName"), ("sortOrder", "descending"), ("attributes", "userName"));

        Assert.Equal(["u-5", "u-4", "u-3", "u-2"], Ids(response));
        AssertJsonEqual("""{"id":"u-5","userName":"eve"}""", response["Resources"]![0]);
    }
}
