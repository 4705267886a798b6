using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Text;

namespace Total.Bench;

/// <summary>
/// A response the workload looks at: status, the body when asked for or unexpected, and for browser-like callers
/// the redirect target and the cookies set.
/// </summary>
internal readonly record struct Reply(int Status, string? Body, TimeSpan? RetryAfter = null, Uri? Location = null, IReadOnlyList<string>? SetCookies = null)
{
    public bool Success => Status is >= 200 and <= 299;
}

/// <summary>
/// Sends one request, times it with <see cref="Stopwatch"/> from the first byte sent to the last byte of the
/// response read, and records it. Waiting for a free in-flight slot (<c>gate</c>) is not part of the latency.
/// </summary>
internal sealed class LoadClient : IDisposable
{
    private const int MaxRetriesOn429 = 5;
    private static readonly MediaTypeHeaderValue ScimJson = new("application/scim+json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly Recorder _recorder;
    private readonly TimeSpan _timeout;

    /// <param name="tls">TLS settings for an HTTPS peer (e.g. how to trust the local Entra stand-in's certificate).</param>
    public LoadClient(Recorder recorder, int maxConnections, TimeSpan timeout, SslClientAuthenticationOptions? tls = null)
    {
        _recorder = recorder;
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            SslOptions = tls ?? new SslClientAuthenticationOptions(),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/scim+json");
    }

    public Recorder Recorder => _recorder;

    /// <summary>
    /// Sends unless <paramref name="deadline"/> (a <see cref="Stopwatch"/> timestamp) has passed, in which case
    /// nothing is sent and the result is null: every loop stops at its deadline.
    /// </summary>
    public async Task<Reply?> SendAsync(
        string phase,
        string kind,
        HttpMethod method,
        Uri uri,
        AuthenticationHeaderValue? auth,
        string? json,
        bool wantBody,
        long deadline,
        SemaphoreSlim? gate,
        Func<int, bool>? expected = null)
    {
        // 429: like Entra, wait Retry-After and try again (each 429 is recorded as a non-2xx response).
        for (var attempt = 0; ; attempt++)
        {
            var reply = await SendOnceAsync(phase, kind, method, uri, auth, json, wantBody, deadline, gate, expected);
            if (reply is not { Status: 429 } throttled || attempt >= MaxRetriesOn429)
            {
                return reply;
            }

            var wait = throttled.RetryAfter ?? TimeSpan.FromSeconds(1);
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= wait)
            {
                return reply;
            }

            await Task.Delay(wait);
        }
    }

    private async Task<Reply?> SendOnceAsync(
        string phase,
        string kind,
        HttpMethod method,
        Uri uri,
        AuthenticationHeaderValue? auth,
        string? json,
        bool wantBody,
        long deadline,
        SemaphoreSlim? gate,
        Func<int, bool>? expected = null)
    {
        if (Stopwatch.GetTimestamp() >= deadline)
        {
            return null;
        }

        if (gate is not null)
        {
            await gate.WaitAsync();
        }

        try
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return null;
            }

            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = auth;
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, ScimJson);
            }

            return await ExchangeAsync(phase, kind, request, wantBody, expected);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// Sends a prepared request (any method, headers and body; loopback only), times and records it like
    /// every other request, and returns its status, body (when wanted or unexpected), Location and Set-Cookie.
    /// </summary>
    public async Task<Reply> ExchangeAsync(string phase, string kind, HttpRequestMessage request, bool wantBody, Func<int, bool>? expected = null)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        Loopback.Require(uri);
        using var cts = new CancellationTokenSource(_timeout);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token);
            var status = (int)response.StatusCode;
            var micros = Micros(start);
            var ok = expected?.Invoke(status) ?? status is >= 200 and <= 299;
            string? body = null;
            if (wantBody || !ok)
            {
                body = await response.Content.ReadAsStringAsync(cts.Token);
            }

            _recorder.Record(phase, kind, status, micros, ok);
            if (!ok)
            {
                _recorder.Sample(phase, kind, status, $"{request.Method} {uri.PathAndQuery} -> {status} {body}");
            }

            var retryAfter = response.Headers.RetryAfter is { Delta: { } delta } ? delta : (TimeSpan?)null;
            var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to : new Uri(uri, to)) : null;
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : null;
            return new Reply(status, body, retryAfter, location, cookies);
        }
        catch (OperationCanceledException)
        {
            _recorder.RecordError(phase, kind, "timeout", Micros(start));
            return new Reply(0, null);
        }
        catch (HttpRequestException exception)
        {
            _recorder.RecordError(phase, kind, $"HttpRequestException:{exception.HttpRequestError}", Micros(start));
            _recorder.Sample(phase, kind, 0, $"{request.Method} {uri.PathAndQuery} -> {exception.Message}");
            return new Reply(0, null);
        }
    }

    public void Dispose() => _http.Dispose();

    public static long Micros(long startTimestamp) => (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
}
