using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Errors;

namespace Total.Api.Scim;

/// <summary>SCIM responses: <c>application/scim+json</c> bodies, errors in the RFC 7644 §3.12 shape, built in this one place.</summary>
public static class ScimResults
{
    public const string MediaType = "application/scim+json";

    /// <summary>The HTTP status an endpoint's result will answer with.</summary>
    public static int StatusOf(object? result) => result switch
    {
        ScimErrorResult error => error.Error.Status,
        IStatusCodeHttpResult { StatusCode: { } code } => code,
        _ => StatusCodes.Status200OK,
    };

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        new ScimJsonResult(JsonSerializer.SerializeToUtf8Bytes(body, Total.Scim.Json.ScimJson.Options), statusCode);

    public static IResult Json(ReadOnlyMemory<byte> utf8Json, int statusCode = StatusCodes.Status200OK) => new ScimJsonResult(utf8Json, statusCode);

    public static IResult Error(int status, string? scimType, string detail) => new ScimErrorResult(new ScimError(status, scimType, detail));

    public static IResult Error(ScimException exception) => Error(exception.Status, exception.ScimType, exception.Detail);
}
