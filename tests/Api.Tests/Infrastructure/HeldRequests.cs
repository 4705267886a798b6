using System.Net;
using System.Net.Http.Headers;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// SCIM requests kept in flight on the server: each is a <c>POST /Users/.search</c> sent with
/// <c>Expect: 100-continue</c>, so its body starts only once the endpoint reads it (past authentication and the
/// rate limits); it then sends the start of the body and holds the rest until disposed. Disposing completes them
/// and expects 200.
/// </summary>
public sealed class HeldRequests : IAsyncDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task<HttpResponseMessage>> _requests = [];
    private readonly HttpClient _http;

    private HeldRequests(CreatedTenant tenant)
    {
        // Wait for the server's 100 Continue however long it takes, never send the body on a timer.
        _http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = new Uri(tenant.ScimBaseUrl + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ScimToken);
    }

    /// <summary>Starts <paramref name="count"/> requests, one after the other, each once the previous one is being read.</summary>
    public static async Task<HeldRequests> StartAsync(CreatedTenant tenant, int count)
    {
        var held = new HeldRequests(tenant);
        for (var i = 0; i < count; i++)
        {
            var body = new HeldBody(held._release.Task);
            // Not disposed here: that would dispose the body while it is being sent.
            var request = new HttpRequestMessage(HttpMethod.Post, "Users/.search") { Content = body };
            request.Headers.ExpectContinue = true;
            var response = held._http.SendAsync(request, TestContext.Current.CancellationToken);
            held._requests.Add(response);
            var first = await Task.WhenAny(body.Reading, response);
            Assert.True(first == body.Reading, "The server answered a held request before reading its body.");
        }

        return held;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        foreach (var request in _requests)
        {
            using var response = await request;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        _requests.Clear();
        _http.Dispose();
    }

    /// <summary>A chunked body (no length) whose end waits for the release.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly Task _release;
        private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldBody(Task release)
        {
            _release = release;
            Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        }

        /// <summary>Completes when the server asked for the body (100 Continue).</summary>
        public Task Reading => _reading.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _reading.TrySetResult();
            await stream.WriteAsync("{\"count\":"u8.ToArray());
            await stream.FlushAsync();
            await _release;
            await stream.WriteAsync("1}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
