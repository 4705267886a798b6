using System.Data.Common;
using System.Diagnostics;
using Total.Api.Logging;

namespace Total.Api.Scim;

/// <summary>
/// The outermost SCIM filter: a failure of the infrastructure (database down, silo unreachable, a grain call
/// timing out) is 503 with <c>Retry-After</c> so Entra retries; anything else is a logged 500. Both in the
/// SCIM error format, and neither reveals internals: the detail carries only a trace id to correlate logs.
/// </summary>
public sealed class ScimFailureFilter(ILogger<ScimFailureFilter> logger) : IEndpointFilter
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            logger.LogWarning(exception, "SCIM request {Method} {Path} failed on unavailable infrastructure (trace {TraceId}); answered 503", http.Request.Method, LogText.Escape(http.Request.Path.Value), traceId);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ScimResults.Error(StatusCodes.Status503ServiceUnavailable, null, $"The service is temporarily unavailable; retry after {RetryAfterSeconds} s (trace {traceId}).");
        }
        catch (Exception exception)
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            logger.LogError(exception, "SCIM request {Method} {Path} failed unexpectedly (trace {TraceId})", http.Request.Method, LogText.Escape(http.Request.Path.Value), traceId);
            return ScimResults.Error(StatusCodes.Status500InternalServerError, null, $"The server failed to process the request (trace {traceId}); nothing was changed if the failure happened before the write. Retry, and report the trace id if it persists.");
        }
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        DbException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
