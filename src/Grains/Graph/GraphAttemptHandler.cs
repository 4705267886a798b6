using System.Net;
using Total.Grains.Abstractions.Graph;

namespace Total.Grains.Graph;

/// <summary>
/// The innermost handler of one read's Graph pipeline (below the retry handler, so it sees every attempt):
/// counts attempts and 429 answers for <see cref="GroupMembershipRead"/>, and bounds each attempt by
/// <see cref="GraphOptions.RequestTimeout"/>, turning a silent Graph into a <see cref="TimeoutException"/>.
/// </summary>
internal sealed class GraphAttemptHandler(TimeSpan timeout) : DelegatingHandler
{
    private int _attempts;
    private int _throttled;

    public int Attempts => Volatile.Read(ref _attempts);

    public int Throttled => Volatile.Read(ref _throttled);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, attempt.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the path: the query holds delta and skip tokens nobody needs in a message.
            throw new TimeoutException($"Microsoft Graph did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {timeout.TotalSeconds:0.#} s (Graph:RequestTimeout).", e);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _throttled);
        }

        return response;
    }
}
