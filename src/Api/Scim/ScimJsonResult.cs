namespace Total.Api.Scim;

/// <summary>A SCIM body already written as UTF-8 JSON: sent as it is, with its length, as <c>application/scim+json</c>.</summary>
public sealed class ScimJsonResult(ReadOnlyMemory<byte> utf8Json, int statusCode) : IResult, IStatusCodeHttpResult
{
    private const string ContentType = ScimResults.MediaType + "; charset=utf-8";

    public int? StatusCode => statusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = utf8Json.Length;
        return response.Body.WriteAsync(utf8Json, httpContext.RequestAborted).AsTask();
    }
}
