using Microsoft.Extensions.Options;
using Total.Scim.Errors;

namespace Total.Api.Scim;

/// <summary>Reads a SCIM request body as text, refusing oversized bodies with 413 before they are buffered whole.</summary>
public sealed class ScimRequestBody(IOptions<ScimOptions> options)
{
    public async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[8192];
        var body = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            body.Append(buffer, 0, read);
            if (body.Length > limit)
            {
                throw TooLarge(limit);
            }
        }

        if (body.Length == 0)
        {
            throw ScimException.InvalidSyntax("The request needs a JSON body.");
        }

        return body.ToString();
    }

    private static ScimException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, null, $"The request body is larger than {limit} bytes; send fewer operations or members per request.");
}
