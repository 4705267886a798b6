using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.SignIn;

/// <summary>A tenant's own sign-in page, the link onboarding hands out (<c>/t/{tenantId}</c>).</summary>
public sealed class TenantLoginModel(IGrainFactory grains) : PageModel
{
    public TenantDetails? Tenant { get; private set; }

    public async Task OnGetAsync(string tenantId)
    {
        if (TenantIds.IsWellFormed(tenantId))
        {
            Tenant = await grains.GetGrain<ITenantGrain>(tenantId).GetAsync();
        }

        if (Tenant is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
