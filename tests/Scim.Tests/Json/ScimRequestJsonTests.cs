using System.Text;
using Total.Scim.Errors;
using Total.Scim.Json;

namespace Total.Scim.Tests.Json;

public class ScimRequestJsonTests
{
    [Fact]
    public void Parses_an_object()
    {
        var body = ScimRequestJson.ParseObject("""{"userName":"ada","emails":[{"value":"ada@contoso.example"}]}""");

        Assert.Equal("ada", (string?)body["userName"]);
    }

    [Theory]
    [InlineData("""{"userName":"ada","userName":"eve"}""")]
    [InlineData("""{"name":{"givenName":"Ada","givenName":"Eve"}}""")]
    public void Duplicate_member_names_are_invalid_syntax(string json)
    {
        var error = Assert.Throws<ScimException>(() => ScimRequestJson.ParseObject(json));

        Assert.Equal(ScimErrorType.InvalidSyntax, error.ScimType);
    }

    [Theory]
    [InlineData("""{"userName":"\ud800"}""")]
    [InlineData("""{"userName":"x\udc00y"}""")]
    [InlineData("""{"\ud83d":"x"}""")]
    public void Unpaired_surrogate_escapes_are_invalid_syntax(string json)
    {
        var error = Assert.Throws<ScimException>(() => ScimRequestJson.ParseObject(json));

        Assert.Equal(ScimErrorType.InvalidSyntax, error.ScimType);
        Assert.Contains("surrogate", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"userName":"ada\u0000"}""")]
    [InlineData("""{"x\u0000":1}""")]
    public void A_nul_escape_is_invalid_value(string json)
    {
        var error = Assert.Throws<ScimException>(() => ScimRequestJson.ParseObject(json));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void A_surrogate_pair_escape_is_an_ordinary_character()
    {
        var body = ScimRequestJson.ParseObject("""{"userName":"\ud83d\ude00@contoso.example"}""");

        Assert.Equal("😀@contoso.example", (string?)body["userName"]);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted_and_one_deeper_is_refused()
    {
        static string Nested(int depth) => "{\"a\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

        _ = ScimRequestJson.ParseObject(Nested(8), maxDepth: 8);
        var error = Assert.Throws<ScimException>(() => ScimRequestJson.ParseObject(Nested(9), maxDepth: 8));

        Assert.Equal(ScimErrorType.InvalidSyntax, error.ScimType);
        Assert.Contains("deeper than 8", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{} {}")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":NaN}")]
    [InlineData("{'a':1}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1} // comment")]
    [InlineData("{\"a\":\"x\u0000y\"}")]
    public void Anything_but_one_well_formed_object_is_invalid_syntax(string json)
    {
        var error = Assert.Throws<ScimException>(() => ScimRequestJson.Validate(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(400, error.Status);
        Assert.Equal(ScimErrorType.InvalidSyntax, error.ScimType);
    }
}
