using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Scim.Schema;

namespace Total.Api.Pages.Console;

/// <summary>Users: search by name, userName or object id, paging, status and access badges. Served from the directory projection.</summary>
public sealed class UsersModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 25;
    public const int MaxQueryLength = 100;

    public IReadOnlyList<ConsoleUser> Users { get; private set; } = [];

    public string? Query { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int TotalResults { get; private set; }

    public int PageCount => Math.Max(1, (TotalResults + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? q, int? p)
    {
        var tenantId = User.FindFirst(ConsoleClaims.TenantId)!.Value;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, MaxQueryLength)];
        PageNumber = Math.Max(1, p ?? 1);
        var literal = Query is null ? null : JsonSerializer.Serialize(Query);
        var filter = literal is null ? null : $"userName sw {literal} or displayName co {literal} or externalId eq {literal}";
        var page = await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.User))
            .QueryAsync(new DirectoryQuery(filter, "userName", false, ((PageNumber - 1) * PageSize) + 1, PageSize));
        TotalResults = page.TotalResults;
        var decisions = grains.GetGrain<IAccessDecisionGrain>(tenantId);
        Users = await Task.WhenAll(page.Resources.Select(async resource =>
        {
            var user = ConsoleUser.From(resource, null);
            return user with { Access = await decisions.PreviewForUserAsync(user.Id) };
        }));
    }
}
