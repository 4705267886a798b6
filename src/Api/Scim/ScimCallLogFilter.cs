using System.Diagnostics;
using Total.Api.Logging;
using Total.Grains.Abstractions.Provisioning;

namespace Total.Api.Scim;

/// <summary>
/// Records every authenticated SCIM call in the tenant's provisioning log (time, method, target as
/// <see cref="ScimCallTarget"/> writes it, status, error detail) through <see cref="ProvisioningLogBuffer"/>, so the admin sees what Entra sent and what failed. Runs after
/// authentication: unauthenticated traffic can name any tenant id and must not create log activity.
/// </summary>
public sealed class ScimCallLogFilter(ProvisioningLogBuffer buffer, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = (string)http.Items[ScimAuthenticationFilter.TenantIdItem]!;
        var started = Stopwatch.GetTimestamp();
        var target = ScimCallTarget.Of(http.Request, tenantId);

        // Grants and revocations this call causes name it in the access log.
        ScimCallRequest.KeepTarget(http, target);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            Record(http, tenantId, target, started, StatusCodes.Status503ServiceUnavailable, null, "The server could not complete the request (infrastructure failure); Entra retries it.");
            throw;
        }

        var error = (result as ScimErrorResult)?.Error;
        Record(http, tenantId, target, started, ScimResults.StatusOf(result), error?.ScimType, error?.Detail);
        return result;
    }

    private void Record(HttpContext http, string tenantId, string target, long started, int status, string? scimType, string? detail)
    {
        // Error details quote what the request sent: escaped like the target, so neither can forge a log line.
        var call = new ProvisioningCall(time.GetUtcNow(), http.Request.Method, target, status, scimType, detail is null ? null : LogText.Escape(detail), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        buffer.Add(tenantId, call);
    }
}
