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

    [Theory]
    [InlineData("é", 16, false)] // 16 characters in 32 bytes of UTF-8
    [InlineData("é", 17, true)]
    [InlineData("\\u0041", 16, false)] // 16 characters written as 96 bytes of escapes
    [InlineData("\\u0041", 17, true)]
    [InlineData("😀", 8, false)] // 8 emoji are 16 UTF-16 characters
    [InlineData("😀", 9, true)]
    public void Length_counts_the_characters_a_parsed_value_has_not_its_bytes(string unit, int repeat, bool tooLong)
    {
        var resource = Parse($$"""{"userName":"{{string.Concat(Enumerable.Repeat(unit, repeat))}}"}""");

        var error = Record.Exception(() => StringValueLimit.Check(resource, maxLength: 16));

        Assert.Equal(tooLong, error is ScimException { ScimType: ScimErrorType.InvalidValue });
    }
}
