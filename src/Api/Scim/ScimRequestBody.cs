using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Total.Scim;
using Total.Scim.Errors;
using Total.Scim.Json;

namespace Total.Api.Scim;

/// <summary>
/// Reads a SCIM request body before any grain sees it: at most <see cref="ScimOptions.MaxRequestBodyBytes"/>,
/// counted as the bytes arrive (413, also for a chunked body without <c>Content-Length</c>), strict UTF-8 (a
/// leading byte order mark is ignored, as RFC 8259 §8.1 allows), and JSON that passes
/// <see cref="ScimRequestJson.Validate"/> with <see cref="ScimLimitsOptions.MaxJsonDepth"/> (400 invalidSyntax).
/// </summary>
public sealed class ScimRequestBody(IOptions<ScimOptions> options, IOptions<ScimLimitsOptions> limits)
{
    private const int ChunkSize = 16 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // Kestrel's own cap (30 MB by default) is raised for a larger setting, never lowered: below its cap Kestrel
        // drains what is left of a refused body, so the client reads the 413 instead of a reset connection.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize && bodySize.MaxRequestBodySize <= limit)
        {
            bodySize.MaxRequestBodySize = limit + 1;
        }

        using var body = await ReadBytesAsync(request, limit, cancellationToken);
        var json = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (json.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(json);
        }
        catch (DecoderFallbackException exception)
        {
            throw ScimException.InvalidSyntax($"The request body is not UTF-8 (invalid byte at offset {exception.Index.ToString(CultureInfo.InvariantCulture)}).");
        }

        ScimRequestJson.Validate(json, limits.Value.MaxJsonDepth);
        return text;
    }

    private static async Task<MemoryStream> ReadBytesAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var body = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkSize, ChunkSize));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                body.Write(chunk, 0, read);
            }

            return body;
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's verdicts on the body itself (too large, too slow, cut short) are the client's, not a 500.
            await body.DisposeAsync();
            throw exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(limit)
                : new ScimException(exception.StatusCode, null, "The request body could not be read completely; send it again.");
        }
        catch
        {
            await body.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static ScimException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, null, $"The request body is larger than {limit.ToString(CultureInfo.InvariantCulture)} bytes; send fewer operations or members per request.");
}
