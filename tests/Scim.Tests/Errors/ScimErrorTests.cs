using Total.Scim.Errors;

namespace Total.Scim.Tests.Errors;

public class ScimErrorTests
{
    [Fact]
    public void Error_body_has_status_as_string_and_scim_type()
    {
        var error = ScimException.InvalidFilter("Unexpected token at position 3.").ToError();

        var json = error.ToJsonString();

        Assert.Equal(
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter","detail":"Unexpected token at position 3."}""",
            json);
    }

    [Fact]
    public void Error_body_omits_scim_type_when_null()
    {
        var error = ScimException.NotFound("User u-0000 not found").ToError();

        var json = error.ToJson();

        Assert.False(json.ContainsKey("scimType"));
        Assert.Equal("404", json["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("InvalidFilter", 400, "invalidFilter")]
    [InlineData("InvalidSyntax", 400, "invalidSyntax")]
    [InlineData("InvalidPath", 400, "invalidPath")]
    [InlineData("NoTarget", 400, "noTarget")]
    [InlineData("InvalidValue", 400, "invalidValue")]
    [InlineData("Mutability", 400, "mutability")]
    [InlineData("Uniqueness", 409, "uniqueness")]
    [InlineData("NotFound", 404, null)]
    [InlineData("TooMany", 400, "tooMany")]
    [InlineData("PreconditionFailed", 412, null)]
    [InlineData("InvalidVersion", 400, "invalidVers")]
    [InlineData("MethodNotAllowed", 405, null)]
    [InlineData("NotImplemented", 501, null)]
    public void Factories_set_status_and_scim_type(string factory, int status, string? scimType)
    {
        var method = typeof(ScimException).GetMethod(factory)!;

        var exception = (ScimException)method.Invoke(null, ["detail"])!;

        Assert.Equal(status, exception.Status);
        Assert.Equal(scimType, exception.ScimType);
        Assert.Equal("detail", exception.Detail);
    }

    [Fact]
    public void Uniqueness_error_serialises_409_as_string()
    {
        var json = ScimError.From(ScimException.Uniqueness("userName is already in use.")).ToJson();

        Assert.Equal("409", json["status"]!.GetValue<string>());
        Assert.Equal("uniqueness", json["scimType"]!.GetValue<string>());
    }
}
