using Total.Scim.Messages;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Messages;

public class ScimListResponseTests
{
    [Fact]
    public void List_response_uses_integers_and_capital_resources()
    {
        var response = ScimListResponse.Create([Parse("""{"id":"u-1"}""")], totalResults: 7, startIndex: 3);

        Assert.Equal(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":7,"startIndex":3,"itemsPerPage":1,"Resources":[{"id":"u-1"}]}""",
            response.ToJsonString());
    }
}
