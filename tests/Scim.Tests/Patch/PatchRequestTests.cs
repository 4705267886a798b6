using Total.Scim.Errors;
using Total.Scim.Patch;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Patch;

public class PatchRequestTests
{
    [Theory]
    [InlineData("Add", PatchOperationType.Add)]
    [InlineData("REPLACE", PatchOperationType.Replace)]
    [InlineData("remove", PatchOperationType.Remove)]
    public void Op_names_are_case_insensitive(string op, PatchOperationType expected)
    {
        var operations = ScimPatch.ParseRequest(Parse($$"""{"Operations":[{"op":"{{op}}","path":"title","value":"x"}]}"""));

        Assert.Equal(expected, Assert.Single(operations).Op);
    }

    [Fact]
    public void Structural_keys_are_case_insensitive_and_schemas_are_not_checked()
    {
        var operations = ScimPatch.ParseRequest(Parse("""{"schemas":["odd"],"operations":[{"OP":"Replace","PATH":"title","VALUE":"Lead"}]}"""));

        var operation = Assert.Single(operations);
        Assert.Equal("title", operation.Path);
        Assert.Equal("Lead", operation.Value!.GetValue<string>());
    }

    [Fact]
    public void Missing_schemas_is_accepted()
    {
        var operations = ScimPatch.ParseRequest(Parse("""{"Operations":[{"op":"add","path":"title","value":"x"}]}"""));

        Assert.Single(operations);
    }

    [Fact]
    public void Empty_path_means_no_path()
    {
        var operations = ScimPatch.ParseRequest(Parse("""{"Operations":[{"op":"replace","path":"","value":{"title":"x"}}]}"""));

        Assert.Null(Assert.Single(operations).Path);
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[]}""", "invalidSyntax")]
    [InlineData("""{"Operations":{"op":"add"}}""", "invalidSyntax")]
    [InlineData("""{"Operations":["add"]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"merge","path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[{"path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"1","path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"add, remove","path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"Operations":[{"op":"add","path":42,"value":"x"}]}""", "invalidPath")]
    [InlineData("""{"Operations":[{"op":"add","path":"emails[type eq","value":"x"}]}""", "invalidPath")]
    public void Malformed_requests_are_rejected(string body, string scimType)
    {
        var error = Assert.Throws<ScimException>(() => ScimPatch.ParseRequest(Parse(body)));

        Assert.Equal(400, error.Status);
        Assert.Equal(scimType, error.ScimType);
    }

    [Fact]
    public void Malformed_path_error_names_the_operation_index()
    {
        var error = Assert.Throws<ScimException>(() => ScimPatch.ParseRequest(Parse("""{"Operations":[{"op":"add","path":"title","value":"x"},{"op":"add","path":"emails[","value":"x"}]}""")));

        Assert.StartsWith("Operations[1].path", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_the_maximum_number_of_operations_is_rejected()
    {
        var operations = string.Join(",", Enumerable.Repeat("""{"op":"add","path":"title","value":"x"}""", PatchLimits.Default.MaxOperations + 1));

        var error = Assert.Throws<ScimException>(() => ScimPatch.ParseRequest(Parse($$"""{"Operations":[{{operations}}]}""")));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void A_path_longer_than_the_limit_is_invalid_path_naming_the_operation()
    {
        var body = Parse($$"""{"Operations":[{"op":"add","path":"{{new string('a', 33)}}","value":"x"}]}""");

        var error = Assert.Throws<ScimException>(() => ScimPatch.ParseRequest(body, new PatchLimits(MaxPathLength: 32)));

        Assert.Equal(ScimErrorType.InvalidPath, error.ScimType);
        Assert.StartsWith("Operations[0].path is longer than 32", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_operation_limit_replaces_the_default()
    {
        var body = Parse("""{"Operations":[{"op":"add","path":"title","value":"x"},{"op":"add","path":"title","value":"y"}]}""");

        var error = Assert.Throws<ScimException>(() => ScimPatch.ParseRequest(body, new PatchLimits(MaxOperations: 1)));

        Assert.Equal(ScimErrorType.InvalidValue, error.ScimType);
    }

    [Fact]
    public void Values_are_detached_from_the_request_body()
    {
        var body = Parse("""{"Operations":[{"op":"add","path":"emails","value":[{"value":"a@x"}]}]}""");

        var operation = Assert.Single(ScimPatch.ParseRequest(body));

        Assert.Null(operation.Value!.Parent);
    }
}
