using Total.Api.Setup;
using Total.Api.SignIn;
using Total.Grains.Abstractions.Provisioning;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Tests.Setup;

public sealed class SetupDiagnosisTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Nothing_seen_yet_is_waiting_not_failing()
    {
        var checks = SetupDiagnosis.Evaluate(Seen());

        Assert.Equal(SetupState.Pending, Check(checks, "Entra reached TOTAL").State);
        Assert.Equal(SetupState.Pending, Check(checks, "Users arrive").State);
        Assert.Equal(SetupState.Pending, Check(checks, "externalId").State);
    }

    [Fact]
    public void Test_connection_seen_is_done()
    {
        var checks = SetupDiagnosis.Evaluate(Seen(provisioning: new ProvisioningStatus(Now, null, 1, 0, Now)));

        Assert.Equal(SetupState.Ok, Check(checks, "Entra reached TOTAL").State);
    }

    [Fact]
    public void Mail_nickname_externalIds_are_a_problem_that_names_the_mapping_to_change()
    {
        var checks = SetupDiagnosis.Evaluate(Seen(users: [new("ada@contoso.example", "ada", "Analyst", "SOC"), new("bob@contoso.example", "bob", null, null)]));

        var externalId = Check(checks, "externalId");
        Assert.Equal(SetupState.Problem, externalId.State);
        Assert.Contains("externalId ← objectId", externalId.Detail, StringComparison.Ordinal);
        Assert.Contains("'ada'", externalId.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_id_externalIds_title_and_department_are_done()
    {
        var checks = SetupDiagnosis.Evaluate(Seen(users: [new("ada@contoso.example", Guid.NewGuid().ToString(), "Analyst", "SOC")]));

        Assert.Equal(SetupState.Ok, Check(checks, "externalId").State);
        Assert.Equal(SetupState.Ok, Check(checks, "Job title").State);
        Assert.Equal(SetupState.Ok, Check(checks, "Department").State);
    }

    [Fact]
    public void Missing_title_and_department_are_warnings_naming_the_mapping()
    {
        var checks = SetupDiagnosis.Evaluate(Seen(users: [new("ada@contoso.example", Guid.NewGuid().ToString(), null, null)]));

        Assert.Equal(SetupState.Warning, Check(checks, "Job title").State);
        Assert.Contains("enterprise:2.0:User:department", Check(checks, "Department").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_group_not_provisioned_or_empty_is_a_problem()
    {
        var notProvisioned = SetupDiagnosis.Evaluate(Seen(adminGroups: ["TOTAL-Admins"]));
        var empty = SetupDiagnosis.Evaluate(Seen(adminGroups: ["TOTAL-Admins"], groups: [new("TOTAL-Admins", null, 0)]));
        var ready = SetupDiagnosis.Evaluate(Seen(adminGroups: ["TOTAL-Admins"], groups: [new("TOTAL-Admins", null, 3)]));

        Assert.Equal(SetupState.Problem, Check(notProvisioned, "Admin groups").State);
        Assert.Contains("has not been provisioned", Check(notProvisioned, "Admin groups").Detail, StringComparison.Ordinal);
        Assert.Equal(SetupState.Problem, Check(empty, "Admin groups").State);
        Assert.Equal(SetupState.Ok, Check(ready, "Admin groups").State);
    }

    [Fact]
    public void Missing_app_registration_is_a_problem()
    {
        var checks = SetupDiagnosis.Evaluate(Seen());

        Assert.Equal(SetupState.Problem, Check(checks, "Sign-in app registration").State);
    }

    [Fact]
    public void Own_app_with_a_client_id_but_no_secret_is_a_problem_even_when_the_shared_app_exists()
    {
        var shared = new TenantEntraApp(EntraAppSource.Shared, "https://login.microsoftonline.com/0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02/v2.0/adminconsent?client_id=total");
        var seen = Seen(entraApp: shared) with
        {
            Tenant = new TenantDetails("t", "Contoso", Guid.NewGuid(), Guid.NewGuid().ToString(), false, [], [], Now, Now, null),
        };

        var signIn = Check(SetupDiagnosis.Evaluate(seen), "Sign-in app registration");

        Assert.Equal(SetupState.Problem, signIn.State);
        Assert.Contains("client secret is missing", signIn.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("shared app", signIn.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_access_is_judged_from_the_last_check_and_the_last_read()
    {
        var noCredentials = SetupDiagnosis.Evaluate(Seen());
        var notChecked = SetupDiagnosis.Evaluate(Seen(app: true, revocation: Revocation(null, null)));
        var failedCheck = SetupDiagnosis.Evaluate(Seen(app: true, revocation: Revocation(new GraphAccessCheck(false, "AADSTS7000215: Invalid client secret provided.", Now), null)));
        var readSince = SetupDiagnosis.Evaluate(Seen(app: true, revocation: Revocation(new GraphAccessCheck(false, "old failure", Now), Now.AddMinutes(5))));

        Assert.Equal(SetupState.Warning, Check(noCredentials, "Graph access").State);
        Assert.Equal(SetupState.Pending, Check(notChecked, "Graph access").State);
        Assert.Equal(SetupState.Problem, Check(failedCheck, "Graph access").State);
        Assert.Contains("AADSTS7000215", Check(failedCheck, "Graph access").Detail, StringComparison.Ordinal);
        Assert.Equal(SetupState.Ok, Check(readSince, "Graph access").State);
    }

    [Fact]
    public void A_tenant_on_the_shared_app_is_told_to_grant_admin_consent_with_the_link()
    {
        var shared = new TenantEntraApp(EntraAppSource.Shared, "https://login.microsoftonline.com/0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02/v2.0/adminconsent?client_id=total");

        var notChecked = SetupDiagnosis.Evaluate(Seen(entraApp: shared, revocation: Revocation(null, null)));
        var refused = SetupDiagnosis.Evaluate(Seen(entraApp: shared, revocation: Revocation(new GraphAccessCheck(false, "Authorization_RequestDenied: Insufficient privileges.", Now), null)));

        var signIn = Check(notChecked, "Sign-in app registration");
        Assert.Equal(SetupState.Ok, signIn.State);
        Assert.Contains("TOTAL's shared app", signIn.Detail, StringComparison.Ordinal);
        Assert.Contains(shared.AdminConsentUrl!, signIn.Detail, StringComparison.Ordinal);
        Assert.Equal(SetupState.Pending, Check(notChecked, "Graph access").State);
        Assert.Equal(SetupState.Problem, Check(refused, "Graph access").State);
        Assert.Contains(shared.AdminConsentUrl!, Check(refused, "Graph access").Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Users?filter=userName eq \"13c9a5e1-7b2f-4d8e-9a61-0c2f4b7e8d11\"", 200, true)]
    [InlineData("Users?filter=externalId eq \"13c9a5e1-7b2f-4d8e-9a61-0c2f4b7e8d11\"", 200, true)]
    [InlineData("Users?filter=userName eq \"ada@contoso.example\"", 200, false)]
    [InlineData("Users?filter=userName eq \"13c9a5e1-7b2f-4d8e-9a61-0c2f4b7e8d11\"", 400, false)]
    public void Test_connection_is_a_guid_lookup_answered_200(string target, int status, bool probe)
    {
        var call = new ProvisioningCall(Now, "GET", target, status, null, null, 1);

        Assert.Equal(probe, Total.Grains.Provisioning.TestConnection.IsProbe(call));
    }

    private static SetupCheck Check(IReadOnlyList<SetupCheck> checks, string stepStart) =>
        Assert.Single(checks, c => c.Step.StartsWith(stepStart, StringComparison.Ordinal));

    private static SetupObservations Seen(
        ProvisioningStatus? provisioning = null,
        IReadOnlyList<ObservedUser>? users = null,
        IReadOnlyList<ObservedGroup>? groups = null,
        IReadOnlyList<string>? adminGroups = null,
        bool app = false,
        ReconciliationStatus? revocation = null,
        TenantEntraApp? entraApp = null) => new(
            new TenantDetails("t", "Contoso", Guid.NewGuid(), app ? Guid.NewGuid().ToString() : null, app, adminGroups ?? [], [], Now, Now, null),
            provisioning ?? new ProvisioningStatus(null, null, 0, 0),
            users?.Count ?? 0,
            users ?? [],
            groups ?? [],
            revocation,
            entraApp);

    private static ReconciliationStatus Revocation(GraphAccessCheck? check, DateTimeOffset? lastRead) => new(
        ReconciliationMode.ScimAndGraph, "", TimeSpan.FromMinutes(5), ReconciliationOutcome.Succeeded, lastRead, null, null, [], 0, 0, 0, 0, false, lastRead, null, check);
}
