using Microsoft.AspNetCore.Mvc.RazorPages;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.SignIn;

/// <summary>Says why sign-in gave no session, and who can fix it. Never echoes anything but a known reason code.</summary>
public sealed class NoAccessModel(IGrainFactory grains) : PageModel
{
    public const int AdminsNamed = 3;

    /// <summary>The organisation's admin groups, when the visitor proved they belong to it.</summary>
    public IReadOnlyList<string> AdminGroups { get; private set; } = [];

    /// <summary>A few current admins by name, when the visitor proved they belong to the organisation.</summary>
    public IReadOnlyList<string> Admins { get; private set; } = [];

    public NoAccessReason Reason { get; private set; } = NoAccessReason.SignInFailed;

    public string? TenantId { get; private set; }

    public string Explanation => Reason switch
    {
        NoAccessReason.TenantNotOnboarded => "Your organisation is not set up in TOTAL (or this sign-in link is out of date).",
        NoAccessReason.SignInNotConfigured => "Your organisation's Microsoft sign-in is not configured in TOTAL yet: its Entra app registration (client id and secret) is missing.",
        NoAccessReason.WrongTenant => "You signed in with an account from a different organisation than the one this link is for.",
        NoAccessReason.MissingObjectId => "Microsoft did not say who you are (no object id in the sign-in token); the app registration must allow the 'profile' scope.",
        NoAccessReason.NotProvisioned => "Your account has not been provisioned to TOTAL: you (or a group you are in) are not assigned to the TOTAL app in Entra, or provisioning has not run since.",
        NoAccessReason.ExternalIdMappingWrong => "Your account is provisioned, but TOTAL cannot match it to your Microsoft sign-in: the provisioning mapping must set externalId to the user's objectId.",
        NoAccessReason.Disabled => "Your account is disabled for TOTAL (it is disabled or unassigned in Entra).",
        NoAccessReason.NotAdmin => "You are not a member of any of your organisation's TOTAL admin groups.",
        NoAccessReason.SessionEnded => "Your access changed (for example you were removed from the admin group), so your session ended.",
        _ => "Microsoft sign-in did not complete.",
    };

    public string WhoToAsk => Reason switch
    {
        NoAccessReason.TenantNotOnboarded => "Ask your IT team for your organisation's TOTAL sign-in link, or contact TOTAL support.",
        NoAccessReason.ExternalIdMappingWrong => "Ask your Entra administrator to change the provisioning mapping externalId ← objectId in the TOTAL enterprise app, then restart provisioning.",
        _ => "Ask your IT team (the admins of your organisation's TOTAL admin groups in Entra) to give you access.",
    };

    public async Task OnGetAsync(string? reason, string? tenant)
    {
        if (Enum.TryParse<NoAccessReason>(reason, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
        {
            Reason = parsed;
        }

        TenantId = TenantIds.IsWellFormed(tenant) ? tenant : null;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (TenantId is not null && NoAccessContext.VerifiedTenant(HttpContext) == TenantId && AsksAnAdmin)
        {
            await LoadWhoCanHelpAsync(TenantId);
        }
    }

    /// <summary>Reasons an admin of the organisation fixes (the others are fixed in Entra's setup or by TOTAL).</summary>
    private bool AsksAnAdmin => Reason is NoAccessReason.NotAdmin or NoAccessReason.Disabled or NoAccessReason.NotProvisioned or NoAccessReason.SessionEnded;

    private async Task LoadWhoCanHelpAsync(string tenantId)
    {
        AdminGroups = (await grains.GetGrain<ITenantGrain>(tenantId).GetAsync())?.AdminGroups ?? [];
        var names = new List<string>();
        foreach (var userId in await grains.GetGrain<IAccessLogGrain>(tenantId).CurrentAdminsAsync(AdminsNamed))
        {
            if ((await grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenantId, userId)).GetAsync()).Resource is { } resource)
            {
                names.Add(Pages.Console.ConsoleUser.From(resource, null).DisplayName);
            }
        }

        Admins = names;
    }
}
