using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;

namespace Total.Api.Pages.Console;

/// <summary>One user: what Entra provisioned, the access decision with its reasons (the same one sign-in uses), and its history.</summary>
public sealed class UserDetailModel(IGrainFactory grains) : PageModel
{
    public const int HistoryLength = 20;

    public ConsoleUser? Person { get; private set; }

    /// <summary>The user's latest grants and revocations of admin access.</summary>
    public IReadOnlyList<AccessEvent> History { get; private set; } = [];

    public async Task OnGetAsync(string id)
    {
        var tenantId = User.FindFirst(ConsoleClaims.TenantId)!.Value;
        var outcome = id.Length <= 128 ? await grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenantId, id)).GetAsync() : null;
        if (outcome?.Resource is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Person = ConsoleUser.From(outcome.Resource, await grains.GetGrain<IAccessDecisionGrain>(tenantId).PreviewForUserAsync(id));
        History = await grains.GetGrain<IAccessLogGrain>(tenantId).ReadAsync(new AccessLogQuery(null, HistoryLength, UserId: id));
    }
}
