using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Access;

namespace Total.Api.Pages.Console;

/// <summary>Access log: every grant and revocation of admin access, newest first, with its source and cause.</summary>
public sealed class AccessLogModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AccessEvent> Events { get; private set; } = [];

    public string? Kind { get; private set; }

    public string? Source { get; private set; }

    /// <summary>The query string of the next (older) page, or null on the last page.</summary>
    public string? OlderPage { get; private set; }

    public async Task OnGetAsync(string? kind, string? source, long? before)
    {
        var kindFilter = AccessEventKindNames.Parse(kind);
        var sourceFilter = AccessChangeSourceNames.Parse(source);
        Kind = kindFilter?.Name();
        Source = sourceFilter?.Name();
        var query = new AccessLogQuery(before, PageSize, kindFilter, sourceFilter);
        Events = await grains.GetGrain<IAccessLogGrain>(User.FindFirst(ConsoleClaims.TenantId)!.Value).ReadAsync(query);
        OlderPage = Events.Count == PageSize
            ? $"?kind={Kind}&source={Source}&before={Events[^1].Sequence}"
            : null;
    }
}
