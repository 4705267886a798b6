using System.Net;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Total.Grains.Abstractions.Graph;

namespace Total.Grains.Graph;

/// <summary>
/// The Graph SDK's retry handler (Kiota's), bounded: 429, 503 and 504 are retried up to
/// <see cref="GraphOptions.MaxRetries"/> times, honouring <c>Retry-After</c>, but never waiting longer than
/// <see cref="GraphOptions.MaxRetryAfter"/>: such an answer is returned at once and fails the read.
/// </summary>
internal static class GraphRetryPolicy
{
    public static RetryHandlerOption For(GraphOptions options)
    {
        var cap = options.MaxRetryAfter;
        return new RetryHandlerOption
        {
            MaxRetry = options.MaxRetries,
            Delay = (int)Math.Ceiling(options.RetryDelay.TotalSeconds),
            ShouldRetry = (_, _, response) => IsTransient(response.StatusCode) && !(RetryAfter(response) > cap),
        };
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait a response asks for (seconds or an HTTP date), or null when it asks for none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
