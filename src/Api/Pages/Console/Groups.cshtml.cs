using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Scim.Schema;

namespace Total.Api.Pages.Console;

/// <summary>Groups: every provisioned group, its member count and its role (admin, monitored, none).</summary>
public sealed class GroupsModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 25;

    public IReadOnlyList<ConsoleGroup> Groups { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int TotalResults { get; private set; }

    public int PageCount => Math.Max(1, (TotalResults + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? p)
    {
        var tenantId = User.FindFirst(ConsoleClaims.TenantId)!.Value;
        PageNumber = Math.Max(1, p ?? 1);
        var tenant = (await grains.GetGrain<ITenantGrain>(tenantId).GetAsync())!;
        var page = await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.Group))
            .QueryAsync(new DirectoryQuery(null, "displayName", false, ((PageNumber - 1) * PageSize) + 1, PageSize));
        TotalResults = page.TotalResults;
        Groups = await Task.WhenAll(page.Resources.Select(async resource =>
        {
            var id = (string)System.Text.Json.Nodes.JsonNode.Parse(resource)!["id"]!;
            var count = await grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenantId, id)).CountMembersAsync();
            return ConsoleGroup.From(resource, count, tenant);
        }));
    }
}
