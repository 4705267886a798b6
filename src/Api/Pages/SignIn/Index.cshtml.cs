using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.SignIn;

/// <summary>
/// The generic sign-in page: a work email is enough. Its domain leads to the Entra tenant (Microsoft's own
/// discovery, verified domains only), the Entra tenant to the TOTAL tenant onboarded for it, and from there to
/// that tenant's Microsoft sign-in with the email as <c>login_hint</c>.
/// </summary>
public sealed class IndexModel(EntraTenantDiscovery discovery, GenericSignInRateLimiter rateLimiter, IGrainFactory grains) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Each look-up may make TOTAL ask Entra about a domain: a client gets a budget, spent before anything else.
        var (acquired, retryAfter) = rateLimiter.TryAcquire(HttpContext.Connection.RemoteIpAddress);
        if (!acquired)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Problem = $"Too many sign-in attempts from your network. Try again in {seconds} seconds, or use your organisation's TOTAL sign-in link.";
            return Page();
        }

        var email = Email?.Trim();
        if (!LoginHint.IsPlausibleEmail(email))
        {
            Problem = "Enter your work email address, like ada@contoso.com.";
            return Page();
        }

        var domain = LoginHint.DomainOf(email!)!;
        var lookup = await discovery.FindAsync(domain, cancellationToken);
        switch (lookup.Outcome)
        {
            case EntraDomainOutcome.Unavailable:
                Problem = "Microsoft sign-in could not be reached to find your organisation. Try again in a minute, or use your organisation's TOTAL sign-in link.";
                return Page();
            case EntraDomainOutcome.PersonalAccounts:
                Problem = $"'{domain}' is a personal Microsoft account domain. Sign in with your work account.";
                return Page();
            case EntraDomainOutcome.NotFound:
                Problem = $"No Microsoft Entra organisation uses the domain '{domain}'. Check the address, or use your organisation's TOTAL sign-in link.";
                return Page();
        }

        var tenantId = await grains.GetGrain<IEntraTenantIndexGrain>(lookup.EntraTenantId!.Value.ToString("D")).GetOwnerAsync();
        if (tenantId is null)
        {
            Problem = $"Your organisation ('{domain}') does not use TOTAL yet, or signs in through another link. Ask your IT team for your organisation's TOTAL sign-in link.";
            return Page();
        }

        return Redirect($"/t/{Uri.EscapeDataString(tenantId)}/signin?login_hint={Uri.EscapeDataString(email!)}");
    }
}
