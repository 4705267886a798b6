using Total.DevStandIns.Entra;

namespace Total.DevStandIns.Graph;

/// <summary>
/// A small control API for tools outside the process (the bench) to seed and steer the Graph stand-in, on the
/// stand-in's HTTPS listener only (Development only, like the stand-in itself, which signs anyone in):
/// <list type="bullet">
/// <item><c>PUT /graph-standin/{tid}/groups/{groupId}</c> <c>{"displayName","members":[…]}</c>; <c>DELETE …?reason=deleted|changed</c>;
/// <c>PATCH …/members</c> <c>{"add":[…],"remove":[…]}</c>; <c>GET …</c> for its members.</item>
/// <item><c>PUT /graph-standin/{tid}/apps/{clientId}</c> <c>{"secret","consentGranted"}</c>: an app registration (secret enforced).</item>
/// <item><c>PUT /graph-standin/{tid}/knobs</c> <c>{"pageSize","throttleNext","throttleRetryAfterSeconds","failNext","failRetryAfterSeconds","responseDelayMilliseconds"}</c>.</item>
/// <item><c>POST /graph-standin/{tid}/delta-tokens/expire?answer=syncStateNotFound|resyncRequired</c>.</item>
/// <item><c>GET /graph-standin/{tid}/counters</c>; <c>DELETE /graph-standin/{tid}</c> forgets the tenant and its apps.</item>
/// </list>
/// </summary>
internal static class GraphStandInControlEndpoints
{
    public static void Map(IEndpointRouteBuilder backchannel)
    {
        var control = backchannel.MapGroup(GraphStandInHosting.ControlPath + "/{tid:guid}").DisableAntiforgery();
        control.MapPut("/groups/{groupId}", PutGroup);
        control.MapGet("/groups/{groupId}", GetGroup);
        control.MapPatch("/groups/{groupId}/members", PatchMembers);
        control.MapDelete("/groups/{groupId}", DeleteGroup);
        control.MapPut("/apps/{clientId}", PutApp);
        control.MapPut("/knobs", PutKnobs);
        control.MapPost("/delta-tokens/expire", ExpireDeltaTokens);
        control.MapGet("/counters", (Guid tid, GraphStandInDirectory directory) => Results.Json(directory.Tenant(tid).Counters.ToDictionary()));
        control.MapDelete(string.Empty, Reset);
    }

    private static IResult PutGroup(Guid tid, string groupId, GroupPutRequest body, GraphStandInDirectory directory) =>
        Apply(() => directory.Tenant(tid).PutGroup(groupId, body.DisplayName ?? groupId, body.Members ?? []));

    private static IResult GetGroup(Guid tid, string groupId, GraphStandInDirectory directory) =>
        directory.Tenant(tid).MembersOf(groupId) is { } members ? Results.Json(new { id = groupId, members }) : Results.NotFound();

    private static IResult PatchMembers(Guid tid, string groupId, MembersPatchRequest body, GraphStandInDirectory directory) =>
        Apply(() => directory.Tenant(tid).ChangeMembers(groupId, body.Add ?? [], body.Remove ?? []));

    private static IResult DeleteGroup(Guid tid, string groupId, string? reason, GraphStandInDirectory directory) =>
        Apply(() => directory.Tenant(tid).DeleteGroup(groupId, reason ?? "deleted"));

    private static IResult PutApp(Guid tid, string clientId, AppPutRequest body, StandInAppRegistrations apps) =>
        Apply(() => apps.Register(tid, new StandInAppRegistration(clientId, body.Secret, body.ConsentGranted)));

    private static IResult PutKnobs(Guid tid, KnobsPutRequest body, GraphStandInDirectory directory) => Apply(() =>
    {
        var knobs = directory.Tenant(tid).Knobs;
        if (body.PageSize is { } pageSize)
        {
            knobs.PageSize = pageSize;
        }

        if (body.ThrottleNext is { } throttle)
        {
            knobs.ThrottleNext(throttle, body.ThrottleRetryAfterSeconds ?? 1);
        }

        if (body.FailNext is { } fail)
        {
            knobs.FailNext(fail, body.FailRetryAfterSeconds);
        }

        if (body.ResponseDelayMilliseconds is { } delay)
        {
            knobs.ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, delay));
        }
    });

    private static IResult ExpireDeltaTokens(Guid tid, string? answer, GraphStandInDirectory directory)
    {
        if (!Enum.TryParse<DeltaExpiry>(answer ?? nameof(DeltaExpiry.SyncStateNotFound), ignoreCase: true, out var expiry) || !Enum.IsDefined(expiry))
        {
            return Results.Problem($"answer must be {nameof(DeltaExpiry.SyncStateNotFound)} or {nameof(DeltaExpiry.ResyncRequired)}.", statusCode: StatusCodes.Status400BadRequest);
        }

        directory.Tenant(tid).ExpireDeltaTokens(expiry);
        return Results.NoContent();
    }

    private static IResult Reset(Guid tid, GraphStandInDirectory directory, StandInAppRegistrations apps)
    {
        directory.Reset(tid);
        apps.Clear(tid);
        return Results.NoContent();
    }

    private static IResult Apply(Action change) => Apply(() =>
    {
        change();
        return true;
    });

    /// <summary>204 when the change applied, 404 when its group does not exist, 400 with the reason when the input was refused.</summary>
    private static IResult Apply(Func<bool> change)
    {
        try
        {
            return change() ? Results.NoContent() : Results.NotFound();
        }
        catch (ArgumentException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
