using System.Text;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>Sends <see cref="FuzzRequest"/>s exactly as built: raw bytes, headers without validation, optional chunking.</summary>
public sealed class FuzzClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        // Header values stay ASCII, except where a generator asks for raw UTF-8 on purpose.
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The status, response media type and body; a transport failure is reported as the exception's text.</summary>
    public async Task<(int Status, string? MediaType, string Body)> SendAsync(FuzzRequest fuzz, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Url);
        foreach (var (name, value) in fuzz.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            foreach (var contentType in fuzz.ContentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            request.Headers.TransferEncodingChunked = fuzz.Chunked;
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    public void Dispose() => _http.Dispose();
}
