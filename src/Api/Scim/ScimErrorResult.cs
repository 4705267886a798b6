using Total.Scim.Errors;

namespace Total.Api.Scim;

/// <summary>A SCIM error response (RFC 7644 §3.12) that also tells the provisioning log what went wrong.</summary>
public sealed class ScimErrorResult(ScimError error) : IResult, IStatusCodeHttpResult
{
    public ScimError Error { get; } = error;

    public int? StatusCode => Error.Status;

    public Task ExecuteAsync(HttpContext httpContext) => ScimResults.Json(Error.ToJson(), Error.Status).ExecuteAsync(httpContext);
}
