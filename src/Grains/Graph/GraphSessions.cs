using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Total.Grains.Abstractions.Graph;

namespace Total.Grains.Graph;

/// <summary>
/// Opens a <see cref="GraphSession"/> per read: the Graph SDK's default middleware with the bounded retry
/// handler and the attempt counter, over the named client's handler (the host may pin a certificate there),
/// authenticated by the cached credential of the app registration. Access tokens go to the configured Graph
/// host only (Kiota's allowed hosts), never to a host a stored link might name.
/// </summary>
internal sealed class GraphSessions(IHttpMessageHandlerFactory handlers, GraphCredentialCache credentials)
{
    public GraphSession Open(GraphCredentials app, GraphOptions options)
    {
        var attempts = new GraphAttemptHandler(options.RequestTimeout);
        var pipeline = GraphClientFactory.CreateDefaultHandlers();
        var retry = new RetryHandler(GraphRetryPolicy.For(options));
        var index = pipeline.ToList().FindIndex(handler => handler is RetryHandler);
        if (index >= 0)
        {
            pipeline[index] = retry;
        }
        else
        {
            pipeline.Add(retry);
        }

        pipeline.Add(attempts);
        var http = GraphClientFactory.Create(pipeline, finalHandler: handlers.CreateHandler(GraphOptions.HttpClientName));

        // Each attempt has its own timeout (GraphAttemptHandler); retries must not share one overall clock.
        http.Timeout = Timeout.InfiniteTimeSpan;
        var baseUrl = options.BaseUrl.TrimEnd('/');
        var authentication = new AzureIdentityAuthenticationProvider(
            credentials.For(app, options),
            allowedHosts: [new Uri(baseUrl).Host],
            observabilityOptions: null,
            isCaeEnabled: false,
            scopes: [options.Scope]);
        return new GraphSession(new GraphServiceClient(http, authentication, baseUrl), http, attempts, options);
    }
}
