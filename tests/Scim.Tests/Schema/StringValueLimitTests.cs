using Total.Scim.Errors;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Schema;

public class StringValueLimitTests
{
    [Fact]
    public void Strings_up_to_the_limit_are_accepted()
    {
        var resource = Parse($$"""{"userName":"{{new string('a', 16)}}","emails":[{"value":"a@x"}]}""");

        Assert.Null(Record.Exception(() => StringValueLimit.Check(resource, maxLength: 16)));
    }

    [Theory]
    [InlineData("""{"userName":"LONG"}""", "userName")]
    [InlineData("""{"name":{"givenName":"LONG"}}""", "name.givenName")]
    [InlineData("""{"emails":[{"value":"a@x"},{"value":"LONG"}]}""", "emails[1].value")]
    [InlineData("""{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"LONG"}}}""", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")]
    public void A_longer_string_is_invalid_value_naming_the_attribute_not_the_value(string template, string attribute)
    {
        var resource = Parse(template.Replace("LONG", new string('x', 17), StringComparison.Ordinal));

        var error = Assert.Throws<ScimException>(() => StringValueLimit.Check(resource, maxLength: 16));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
        Assert.Equal($"Attribute '{attribute}' is longer than 16 characters.", error.Detail);
    }
}
