using System.Diagnostics;

namespace Total.Api.Scim;

/// <summary>
/// How the access log names the SCIM call behind a grant or a revocation (e.g.
/// <c>PATCH /scim/v2/acme/Groups/42, request 4bf9…</c>). <see cref="ScimCallLogFilter"/> keeps the call's logged
/// target; the write endpoints hand the description to the one grain call that may change access. It travels as an
/// argument, not in Orleans' RequestContext, which Orleans would copy into every grain call the request makes.
/// </summary>
public static class ScimCallRequest
{
    private const string TargetItem = "total.scim-call-target";

    public static void KeepTarget(HttpContext http, string target) => http.Items[TargetItem] = target;

    /// <summary>The description, made only when a write asks for it; null outside a logged SCIM call.</summary>
    public static string? Describe(HttpContext http) =>
        http.Items[TargetItem] is string target
            ? $"{http.Request.Method} {target}, request {Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier}"
            : null;
}
