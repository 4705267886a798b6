using Total.Api.SignIn;
using Total.Grains.Abstractions.Reconciliation;

namespace Total.Api.Setup;

/// <summary>
/// The setup checklist, decided only from what TOTAL observed (no guessing about Entra's configuration):
/// Test Connection seen, users and groups arriving, externalId carrying the Entra object id, title and
/// department arriving, admin and monitored groups provisioned with members, and the app for sign-in and for
/// Microsoft Graph (revocation that does not wait for provisioning): the tenant's own registration, or TOTAL's
/// shared app with the admin consent it needs.
/// The step customers miss most is the externalId mapping; without it sign-in fails, so it is a problem.
/// </summary>
public static class SetupDiagnosis
{
    private const string EnterpriseDepartment = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department";

    public static IReadOnlyList<SetupCheck> Evaluate(SetupObservations seen) =>
    [
        Connection(seen),
        Users(seen),
        Groups(seen),
        ExternalIds(seen),
        Attribute(seen, "Job title (title) arrives", u => u.Title, "jobTitle → title"),
        Attribute(seen, "Department arrives", u => u.Department, $"department → {EnterpriseDepartment}"),
        ConfiguredGroups(seen, "Admin groups", seen.Tenant.AdminGroups, SetupState.Problem, "nobody can sign in to the console"),
        ConfiguredGroups(seen, "Monitored groups", seen.Tenant.MonitoredGroups, SetupState.Warning, "only people assigned to the app directly are monitored"),
        SignIn(seen),
        GraphAccess(seen),
    ];

    private static SetupCheck Connection(SetupObservations seen) =>
        seen.Provisioning.TestConnectionSeenAt is { } at
            ? new("Entra reached TOTAL (Test Connection)", SetupState.Ok, $"Test Connection succeeded at {at:u}.")
            : seen.Provisioning.LastCallAt is { } last
                ? new("Entra reached TOTAL (Test Connection)", SetupState.Ok, $"Entra has called TOTAL (last call {last:u}).")
                : new("Entra reached TOTAL (Test Connection)", SetupState.Pending, "No call from Entra yet: paste the Tenant URL and Secret Token (Settings) into the TOTAL app's Provisioning → Admin Credentials and press Test Connection.");

    private static SetupCheck Users(SetupObservations seen) =>
        seen.UserCount > 0
            ? new("Users arrive", SetupState.Ok, $"{seen.UserCount} user(s) provisioned.")
            : new("Users arrive", SetupState.Pending, "No users yet: assign users or groups to the TOTAL app (Users and groups) and start provisioning; the first cycle can take a while.");

    private static SetupCheck Groups(SetupObservations seen) =>
        seen.Groups.Count > 0
            ? new("Groups arrive", SetupState.Ok, $"{seen.Groups.Count} group(s) provisioned.")
            : new("Groups arrive", SetupState.Warning, "No groups yet: assign the admin and monitored groups to the app, and keep 'Provision Microsoft Entra ID Groups' enabled in Mappings.");

    private static SetupCheck ExternalIds(SetupObservations seen)
    {
        const string step = "externalId is the Entra object id";
        if (seen.SampleUsers.Count == 0)
        {
            return new(step, SetupState.Pending, "Checked once users arrive.");
        }

        var missing = seen.SampleUsers.Where(u => string.IsNullOrEmpty(u.ExternalId)).ToList();
        var notGuid = seen.SampleUsers.Where(u => !string.IsNullOrEmpty(u.ExternalId) && !Guid.TryParse(u.ExternalId, out _)).ToList();
        if (missing.Count + notGuid.Count == 0)
        {
            return new(step, SetupState.Ok, "Every checked user's externalId is a GUID, as the Entra object id is.");
        }

        var example = notGuid.FirstOrDefault() is { } user ? $" (for example {user.UserName} has '{user.ExternalId}', which looks like a mail nickname)" : "";
        return new(step, SetupState.Problem,
            $"{missing.Count + notGuid.Count} of {seen.SampleUsers.Count} checked users have no GUID externalId{example}. Sign-in matches people by it and will fail: in the TOTAL app's Provisioning → Mappings → users, set externalId ← objectId, then restart provisioning.");
    }

    private static SetupCheck Attribute(SetupObservations seen, string step, Func<ObservedUser, string?> value, string mapping)
    {
        if (seen.SampleUsers.Count == 0)
        {
            return new(step, SetupState.Pending, "Checked once users arrive.");
        }

        var with = seen.SampleUsers.Count(u => !string.IsNullOrEmpty(value(u)));
        return with > 0
            ? new(step, SetupState.Ok, $"{with} of {seen.SampleUsers.Count} checked users have it.")
            : new(step, SetupState.Warning, $"No checked user has it: map {mapping} in Provisioning → Mappings (users whose value is empty in Entra are sent without it).");
    }

    private static SetupCheck ConfiguredGroups(SetupObservations seen, string step, IReadOnlyList<string> configured, SetupState missingState, string consequence)
    {
        if (configured.Count == 0)
        {
            return new(step, missingState, $"None configured: choose them under Settings → SSO & Provisioning; until then {consequence}.");
        }

        var problems = new List<string>();
        foreach (var entry in configured)
        {
            var group = seen.Groups.FirstOrDefault(g => g.IsNamedBy(entry));
            if (group is null)
            {
                problems.Add($"'{entry}' has not been provisioned (assign it to the TOTAL app in Entra)");
            }
            else if (group.MemberCount == 0)
            {
                problems.Add($"'{group.DisplayName}' has no members yet (add people in Entra; provisioning sends direct members only)");
            }
        }

        return problems.Count == 0
            ? new(step, SetupState.Ok, $"{string.Join(", ", configured)}: provisioned, with members.")
            : new(step, missingState, string.Join("; ", problems) + ".");
    }

    private static SetupCheck SignIn(SetupObservations seen)
    {
        const string Step = "Sign-in app registration";
        if (TenantEntraApp.HasOwn(seen.Tenant))
        {
            return seen.Tenant.HasEntraClientSecret
                ? new(Step, SetupState.Ok, "Your own app registration: client id and secret are set. Signing in from your organisation's link proves them.")
                : new(Step, SetupState.Problem, "Your own app registration's client id is set but its client secret is missing: create a secret on the app registration and enter it under Settings. Until then nobody can sign in.");
        }

        return SharedAppConsentUrl(seen) is { } consent
            ? new(Step, SetupState.Ok, $"TOTAL's shared app signs your organisation in: there is nothing to register in your tenant. Your Entra admin must grant it admin consent once (Settings has the link: {consent}) so TOTAL can read your admin groups with Microsoft Graph.")
            : new(Step, SetupState.Problem, "The app registration's client id or secret is missing: create one in your Entra tenant (redirect URI from Settings, a client secret, Graph permission GroupMember.Read.All with admin consent) and enter it under Settings.");
    }

    private static SetupCheck GraphAccess(SetupObservations seen)
    {
        const string Step = "Graph access (revocation without waiting for provisioning)";
        var own = TenantEntraApp.HasOwn(seen.Tenant);
        var consent = SharedAppConsentUrl(seen);
        if (!own && consent is null)
        {
            return new(Step, SetupState.Warning, "No app registration yet: admins are re-checked against provisioning only, so a removal reaches TOTAL only with Entra's next cycle (about 40 minutes, longer when Entra quarantines the job).");
        }

        var app = own ? "the app registration" : "TOTAL's shared app";
        var fix = own
            ? "Grant admin consent to GroupMember.Read.All on the app registration, or fix its secret in Settings."
            : $"Your Entra admin must grant admin consent to TOTAL's shared app: {consent}";

        var status = seen.Revocation;
        var check = status?.LastGraphCheck;
        var lastReadOk = status?.LastGraphSuccessAt;
        if (check is { Succeeded: false } && (lastReadOk is null || check.CheckedAt > lastReadOk))
        {
            return new(Step, SetupState.Problem, own ? $"Test Graph access failed: {check.Message}" : $"Test Graph access failed: {check.Message} {fix}");
        }

        if (status is { Outcome: ReconciliationOutcome.GraphFailed, Error: { } error })
        {
            return new(Step, SetupState.Problem, $"The last check could not read Microsoft Graph: {error} {fix}");
        }

        return lastReadOk is { } at || check is { Succeeded: true }
            ? new(Step, SetupState.Ok, $"Microsoft Graph was read with {app}{(lastReadOk is { } read ? $" at {read:u}" : "")}: an admin removed in Entra loses access within one reconciliation period.")
            : new(Step, SetupState.Pending, "Not checked yet: press Test Graph access in Settings, or wait for the first reconciliation.");
    }

    /// <summary>The admin-consent link when the tenant uses TOTAL's shared app (no registration of its own); else null.</summary>
    private static string? SharedAppConsentUrl(SetupObservations seen) =>
        seen.EntraApp is { Source: EntraAppSource.Shared, AdminConsentUrl: { } url } ? url : null;
}
