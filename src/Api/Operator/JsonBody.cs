using System.Text.Json;

namespace Total.Api.Operator;

/// <summary>Reads a JSON request body so that malformed JSON is a clear 400, never a 500.</summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The body, or an error result to return. An empty body is null when <paramref name="optional"/>.</summary>
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return optional ? (null, null) : (null, Problem("A JSON body is required."));
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problem("Send the body as application/json."));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return body is null && !optional ? (null, Problem("A JSON object is required.")) : (body, null);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 0 } path ? $" at {path}" : "";
            return (null, Problem($"The body is not valid JSON for this request{where}: check types and syntax."));
        }
    }

    public static IResult Problem(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);
}
