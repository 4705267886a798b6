using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.SignIn;

/// <summary>Where a sign-in goes when Microsoft Entra cannot be reached (<see cref="Total.Api.SignIn.EntraChallenge"/>): 503, and a way back.</summary>
public sealed class UnavailableModel : PageModel
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    public string? TenantId { get; private set; }

    public void OnGet(string? tenant)
    {
        TenantId = TenantIds.IsWellFormed(tenant) ? tenant : null;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }
}
