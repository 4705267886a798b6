using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;

namespace Total.Api.Pages.Console;

/// <summary>Ends the console session (POST only, with the anti-forgery token every Razor form carries).</summary>
public sealed class SignOutModel(ConsoleSessionMetrics metrics) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        var tenantId = User.FindFirst(ConsoleClaims.TenantId)?.Value;
        if (tenantId is not null)
        {
            metrics.Ended(tenantId, User.FindFirst(ConsoleClaims.SessionId)?.Value, "signed_out");
        }

        await HttpContext.SignOutAsync(ConsoleSession.Scheme);
        return Redirect(tenantId is null ? "/signin" : $"/t/{tenantId}");
    }
}
