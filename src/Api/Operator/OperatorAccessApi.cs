using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Operator;

/// <summary>
/// Operator routes about admin access: the access decision for an Entra user, the access log (every grant and
/// revocation), and the tenant's reconciliation with Microsoft Graph (status, run now, test Graph access).
/// </summary>
public static class OperatorAccessApi
{
    public static RouteGroupBuilder MapOperatorAccessApi(this RouteGroupBuilder tenants)
    {
        tenants.MapGet("/{tenantId}/access", AccessAsync);

        // The routes below answer about an existing tenant only; asking their grains would create state for any id.
        var tenant = tenants.MapGroup("/{tenantId}").AddEndpointFilter(RequireExistingTenantAsync);
        tenant.MapGet("/access-log", AccessLogAsync);
        tenant.MapGet("/reconciliation", ReconciliationStatusAsync);
        tenant.MapPost("/reconciliation", ReconcileNowAsync);
        tenant.MapPost("/graph-check", TestGraphAccessAsync);
        return tenants;
    }

    private static async ValueTask<object?> RequireExistingTenantAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tenantId = (string)context.HttpContext.Request.RouteValues["tenantId"]!;
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        return await grains.GetGrain<ITenantGrain>(tenantId).GetAsync() is null ? OperatorApi.NotFound(tenantId) : await next(context);
    }

    /// <summary>The access decision the console uses, for the Entra user whose object id is <paramref name="oid"/>.</summary>
    private static async Task<IResult> AccessAsync(string tenantId, string? oid, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(oid) || oid.Length > 128)
        {
            return JsonBody.Problem("Give the user's Entra object id as ?oid= (the 'oid' claim of their ID token; SCIM externalId).");
        }

        var decision = await grains.GetGrain<IAccessDecisionGrain>(tenantId).PreviewAsync(oid.Trim());
        return decision is null
            ? OperatorApi.NotFound(tenantId)
            : Results.Ok(new { decision.Admin, decision.Monitored, decision.Active, decision.UserId, decision.Reasons, decision.Revision });
    }

    /// <summary><c>?before=</c> (a sequence, for the next page), <c>take</c> (1–500), <c>kind=granted|revoked</c>, <c>source=scim|graph|settings</c>.</summary>
    private static async Task<IResult> AccessLogAsync(string tenantId, long? before, int? take, string? kind, string? source, IGrainFactory grains)
    {
        var kindFilter = AccessEventKindNames.Parse(kind);
        var sourceFilter = AccessChangeSourceNames.Parse(source);
        if ((!string.IsNullOrEmpty(kind) && kindFilter is null) || (!string.IsNullOrEmpty(source) && sourceFilter is null))
        {
            return JsonBody.Problem("'kind' is granted or revoked; 'source' is scim, graph or settings.");
        }

        var events = await grains.GetGrain<IAccessLogGrain>(tenantId).ReadAsync(new AccessLogQuery(before, take ?? 100, kindFilter, sourceFilter));
        return Results.Ok(new
        {
            events = events.Select(e => new
            {
                e.Sequence,
                e.At,
                kind = e.Kind.Name(),
                source = e.Source.Name(),
                e.UserId,
                e.UserName,
                e.ExternalId,
                e.Detail,
                e.Revision,
            }),
            next = events.Count > 0 ? events[^1].Sequence : (long?)null,
        });
    }

    private static async Task<IResult> ReconciliationStatusAsync(string tenantId, IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<IReconciliationGrain>(tenantId).GetStatusAsync());

    private static async Task<IResult> ReconcileNowAsync(string tenantId, IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<IReconciliationGrain>(tenantId).RunNowAsync());

    private static async Task<IResult> TestGraphAccessAsync(string tenantId, IGrainFactory grains) =>
        Results.Ok(await grains.GetGrain<IReconciliationGrain>(tenantId).TestGraphAccessAsync());
}
