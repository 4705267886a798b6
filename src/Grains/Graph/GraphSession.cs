using Microsoft.Graph;
using Total.Grains.Abstractions.Graph;

namespace Total.Grains.Graph;

/// <summary>
/// One read's Graph client: the SDK client on its own handler pipeline (so the counts are this read's), over
/// the shared connection pool of the named HTTP client. Disposing it leaves the pool alone.
/// </summary>
internal sealed class GraphSession(GraphServiceClient client, HttpClient http, GraphAttemptHandler attempts, GraphOptions options) : IDisposable
{
    public GraphServiceClient Client { get; } = client;

    public GraphOptions Options { get; } = options;

    /// <summary>Graph HTTP requests made so far, retries included (token requests are not Graph requests).</summary>
    public int Requests => attempts.Attempts;

    /// <summary>429 answers received so far.</summary>
    public int Throttled => attempts.Throttled;

    /// <summary>True when <paramref name="link"/> points into this session's Graph (the only host that gets its token).</summary>
    public bool Serves(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && Uri.TryCreate(Options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root)
        && root.IsBaseOf(uri);

    /// <summary>Adds the delta page-size hint, when configured.</summary>
    public void HintDeltaPageSize(Microsoft.Kiota.Abstractions.RequestHeaders headers)
    {
        if (Options.DeltaMaxPageSize > 0)
        {
            headers.Add("Prefer", FormattableString.Invariant($"odata.maxpagesize={Options.DeltaMaxPageSize}"));
        }
    }

    public void Dispose() => http.Dispose();
}
