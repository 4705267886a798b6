using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Sessions;

namespace Total.Api.Pages.Console;

/// <summary>
/// Ends the console session (POST only, with the anti-forgery token every Razor form carries): on the server first,
/// so a copy of the cookie stops working in every API process, then in this browser.
/// </summary>
public sealed class SignOutModel(IGrainFactory grains, ConsoleSessionMetrics metrics, IOptions<SignInOptions> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ConsoleSessionIdentity.TryRead(User, out var session))
        {
            await HttpContext.SignOutAsync(ConsoleSession.Scheme);
            return Redirect("/signin");
        }

        await grains.GetGrain<IEndedSessionsGrain>(ScimKeys.Resource(session.TenantId, session.UserId))
            .EndAsync(session.SessionId, session.StartedAt, session.StartedAt + signIn.Value.AbsoluteSessionLifetime);
        metrics.Ended(session.TenantId, session.SessionId, "signed_out");
        await HttpContext.SignOutAsync(ConsoleSession.Scheme);
        return Redirect($"/t/{session.TenantId}");
    }
}
