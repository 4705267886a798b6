using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.Console;

/// <summary>One group: its role and its members, a page at a time (groups can have tens of thousands).</summary>
public sealed class GroupDetailModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 25;

    public ConsoleGroup? Group { get; private set; }

    public IReadOnlyList<ConsoleUser> Members { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Group is null ? 1 : Math.Max(1, (int)((Group.MemberCount + PageSize - 1) / PageSize));

    public async Task OnGetAsync(string id, int? p)
    {
        var tenantId = User.FindFirst(ConsoleClaims.TenantId)!.Value;
        var groupGrain = grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenantId, id));
        var outcome = id.Length <= 128 ? await groupGrain.GetAsync(includeMembers: false) : null;
        if (outcome?.Resource is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var tenant = (await grains.GetGrain<ITenantGrain>(tenantId).GetAsync())!;
        Group = ConsoleGroup.From(outcome.Resource, await groupGrain.CountMembersAsync(), tenant);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        var memberIds = await groupGrain.ListMembersAsync((PageNumber - 1) * PageSize, PageSize);
        var members = await Task.WhenAll(memberIds.Select(memberId => grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenantId, memberId)).GetAsync()));
        Members = members.Where(m => m.Resource is not null).Select(m => ConsoleUser.From(m.Resource!, null)).ToList();
    }
}
