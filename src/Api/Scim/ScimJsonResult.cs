using CommunityToolkit.HighPerformance.Buffers;

namespace Total.Api.Scim;

/// <summary>A SCIM body already written as UTF-8 JSON: sent as it is, with its length, as <c>application/scim+json</c>.</summary>
/// <remarks>A body written into a pooled buffer goes back to the pool once it is sent.</remarks>
public sealed class ScimJsonResult : IResult, IStatusCodeHttpResult
{
    private const string ContentType = ScimResults.MediaType + "; charset=utf-8";

    private readonly ReadOnlyMemory<byte> _utf8Json;
    private readonly ArrayPoolBufferWriter<byte>? _pooled;
    private readonly int _statusCode;

    public ScimJsonResult(ReadOnlyMemory<byte> utf8Json, int statusCode)
    {
        _utf8Json = utf8Json;
        _statusCode = statusCode;
    }

    /// <param name="pooled">The written body; this result owns it from now on.</param>
    /// <param name="statusCode">The HTTP status.</param>
    public ScimJsonResult(ArrayPoolBufferWriter<byte> pooled, int statusCode)
        : this(pooled.WrittenMemory, statusCode) => _pooled = pooled;

    public int? StatusCode => _statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            var response = httpContext.Response;
            response.StatusCode = _statusCode;
            response.ContentType = ContentType;
            response.ContentLength = _utf8Json.Length;
            await response.Body.WriteAsync(_utf8Json, httpContext.RequestAborted);
        }
        finally
        {
            _pooled?.Dispose();
        }
    }
}
