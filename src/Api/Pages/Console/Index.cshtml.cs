using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.Console;

/// <summary>The console's first page after sign-in.</summary>
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public string TenantName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var tenant = await grains.GetGrain<ITenantGrain>(User.FindFirst(ConsoleClaims.TenantId)!.Value).GetAsync();
        TenantName = tenant?.Name ?? "";
    }
}
