using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Total.Api.Scim;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Provisioning;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;
using Total.Hosting.Http;
using Total.Scim.Schema;

namespace Total.Api.Pages.Console;

/// <summary>
/// Settings → SSO &amp; Provisioning: what the customer's IT team copies into Entra (Tenant URL, Secret Token,
/// redirect URI) and what TOTAL needs from Entra (app registration or admin consent to TOTAL's shared app, admin
/// and monitored groups). The tenant is always the session's own; nothing in a form can name another.
/// </summary>
public sealed class SettingsModel(IGrainFactory grains, ScimBaseUrl scimBaseUrl, ScimTokenRotation rotation, IOptions<ScimOptions> scimOptions, VendorApp vendorApp) : PageModel
{
    public const int MaxGroupsListed = 500;

    public TenantDetails Tenant { get; private set; } = null!;

    public string TenantUrl { get; private set; } = "";

    public string RedirectUri { get; private set; } = "";

    /// <summary>Which app the tenant signs in with: its own registration, TOTAL's shared app, or none.</summary>
    public TenantEntraApp EntraApp { get; private set; } = new(EntraAppSource.None);

    /// <summary>TOTAL's shared app's client id and its one redirect URI (registered by TOTAL, not by the customer).</summary>
    public string SharedClientId => vendorApp.ClientId;

    public string SharedRedirectUri { get; private set; } = "";

    public string SignInLink { get; private set; } = "";

    /// <summary>Provisioned groups to choose admin and monitored groups from.</summary>
    public IReadOnlyList<ProvisionedGroup> Groups { get; private set; } = [];

    /// <summary>Configured group entries that match no provisioned group (yet).</summary>
    public IReadOnlyList<string> UnmatchedEntries { get; private set; } = [];

    /// <summary>A token just issued: shown on the first page after the rotation only, never again.</summary>
    public ScimTokenIssue? NewToken { get; private set; }

    /// <summary>When Entra last called and what last failed.</summary>
    public ProvisioningStatus Connection { get; private set; } = new(null, null, 0, 0);

    /// <summary>How revocation reconciliation runs for this tenant (SCIM only, or with Graph) and how its last run went.</summary>
    public ReconciliationStatus Revocation { get; private set; } = null!;

    /// <summary>The result of "Test Graph access" just pressed.</summary>
    public GraphAccessCheck? GraphCheck { get; private set; }

    /// <summary>A groups change refused until the admin confirms it by typing the organisation's name.</summary>
    public PendingGroupsChange? PendingGroups { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    private string TenantId => User.FindFirst(ConsoleClaims.TenantId)!.Value;

    private string UserId => User.FindFirst(ConsoleClaims.UserId)!.Value;

    private ITenantGrain TenantGrain => grains.GetGrain<ITenantGrain>(TenantId);

    private IReconciliationGrain Reconciliation => grains.GetGrain<IReconciliationGrain>(TenantId);

    public Task OnGetAsync() => LoadAsync();

    /// <param name="tokenGeneration">
    /// The rotation count the page was shown at: the same form submitted again (a double click, a reload of the answer)
    /// rotates nothing, so it cannot retire the token Entra still uses.
    /// </param>
    public async Task<IActionResult> OnPostRotateTokenAsync(int overlapHours, int tokenGeneration)
    {
        var overlap = overlapHours is >= 0 and <= 720 ? TimeSpan.FromHours(overlapHours) : scimOptions.Value.TokenRotationOverlap;
        var (issue, outcome) = await rotation.RotateAsync(TenantId, overlap, tokenGeneration);
        if (issue is not null)
        {
            // Post/Redirect/Get: the token crosses the redirect in a short-lived encrypted cookie, never in the URL.
            NewScimTokenCookie.Issue(HttpContext, TenantId, UserId, issue);
            return RedirectToPage();
        }

        Error = outcome.Detail;
        await LoadAsync();
        return Page();
    }

    public async Task OnPostEntraAppAsync(string? clientId, string? clientSecret)
    {
        var outcome = await TenantGrain.UpdateEntraAppAsync(clientId, string.IsNullOrEmpty(clientSecret) ? null : clientSecret);
        Report(outcome, "App registration saved.");
        await LoadAsync();
    }

    /// <param name="confirmOrganisationName">
    /// Typed by the admin to confirm a change that takes admin access away (their own, or everyone's); it must be the
    /// organisation's name exactly.
    /// </param>
    public async Task OnPostGroupsAsync(string[]? adminGroups, string[]? monitoredGroups, bool monitorUsersOutsideGroups, string? confirmOrganisationName)
    {
        var typed = confirmOrganisationName?.Trim();
        var confirmed = typed is { Length: > 0 } && string.Equals(typed, (await TenantGrain.GetAsync())?.Name, StringComparison.Ordinal);
        var update = new GroupsUpdate(adminGroups ?? [], monitoredGroups ?? [], monitorUsersOutsideGroups, UserId, confirmed, $"console: settings saved by {User.Identity?.Name}");
        var outcome = await TenantGrain.UpdateGroupsAsync(update);
        if (outcome.Kind == TenantOutcomeKind.AdminAccessLoss)
        {
            PendingGroups = new PendingGroupsChange(update, outcome.Detail ?? "", outcome.AdminAccessLoss!, MistypedName: typed is { Length: > 0 });
        }
        else
        {
            Report(outcome, "Groups saved. Everyone's admin access was recomputed from them; see the access log for what changed.");
        }

        await LoadAsync();
    }

    public async Task OnPostTestGraphAsync()
    {
        GraphCheck = await Reconciliation.TestGraphAccessAsync();
        await LoadAsync();
    }

    public async Task OnPostReconcileAsync()
    {
        var status = await Reconciliation.RunNowAsync();
        Message = status.Outcome == ReconciliationOutcome.Succeeded
            ? $"Reconciliation done: {status.AdminsChecked} admin(s) checked, {status.Revoked} revoked."
            : null;
        Error = status.Outcome == ReconciliationOutcome.Succeeded ? null : status.Error ?? "Reconciliation did not complete; see below.";
        await LoadAsync();
    }

    private void Report(TenantOutcome outcome, string success)
    {
        if (outcome.Succeeded)
        {
            Message = success;
        }
        else
        {
            Error = outcome.Detail;
        }
    }

    private async Task LoadAsync()
    {
        if (NewScimTokenCookie.Take(HttpContext, TenantId, UserId) is { } issued)
        {
            NewToken = issued;
            Response.Headers.CacheControl = "no-store";
            Message ??= issued.PreviousTokenValidUntil is { } until
                ? $"New Secret Token issued. The previous one keeps working until {until:u} so provisioning continues while you paste this one into Entra."
                : "New Secret Token issued. Every earlier one stopped working now.";
        }

        Tenant = (await TenantGrain.GetAsync())!;
        Connection = await grains.GetGrain<IProvisioningLogGrain>(TenantId).StatusAsync();
        Revocation = await Reconciliation.GetStatusAsync();
        GraphCheck ??= Revocation.LastGraphCheck;
        TenantUrl = scimBaseUrl.For(Request, TenantId);
        var root = SiteRoot.Of(Request);
        RedirectUri = $"{root}/signin-oidc/{TenantId}";
        EntraApp = TenantEntraApp.Of(Tenant, vendorApp, Request);
        SharedRedirectUri = vendorApp.RedirectUri(root);
        SignInLink = $"{root}/t/{TenantId}";
        var page = await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(TenantId, ScimResourceSchema.Group))
            .QueryAsync(new DirectoryQuery(null, "displayName", false, 1, MaxGroupsListed));
        Groups = page.Resources.Select(json => JsonNode.Parse(json)!.AsObject())
            .Select(g => new ProvisionedGroup((string)g["id"]!, (string?)g["displayName"] ?? "", (string?)g["externalId"]))
            .ToList();
        UnmatchedEntries = Tenant.AdminGroups.Concat(Tenant.MonitoredGroups)
            .Where(entry => !Groups.Any(g => g.IsNamedBy(entry)))
            .Distinct(GroupReferences.SameEntry)
            .ToList();
    }

    /// <summary>A groups change waiting for confirmation: what was chosen, what it would take, and whether a wrong name was typed.</summary>
    public sealed record PendingGroupsChange(GroupsUpdate Update, string Detail, AdminAccessLoss Loss, bool MistypedName);

    /// <summary>A provisioned group; settings store its Entra object id (externalId) when it has one.</summary>
    public sealed record ProvisionedGroup(string Id, string DisplayName, string? ExternalId)
    {
        public string SettingValue => ExternalId ?? DisplayName;

        public bool IsNamedBy(string entry) => GroupReferences.Names(entry, DisplayName, ExternalId);
    }
}
