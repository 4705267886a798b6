using Total.Api.SignIn;
using Total.Grains.Abstractions.Provisioning;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Setup;

/// <summary>What TOTAL has actually seen of a tenant's setup, gathered for <see cref="SetupDiagnosis"/>.</summary>
/// <param name="SampleUsers">Up to a few hundred provisioned users: enough to spot a wrong mapping.</param>
/// <param name="Revocation">How reconciliation with Microsoft Graph last went.</param>
/// <param name="EntraApp">Which Entra app the tenant uses; unset: its own registration when entered, else none.</param>
public sealed record SetupObservations(
    TenantDetails Tenant,
    ProvisioningStatus Provisioning,
    int UserCount,
    IReadOnlyList<ObservedUser> SampleUsers,
    IReadOnlyList<ObservedGroup> Groups,
    ReconciliationStatus? Revocation = null,
    TenantEntraApp? EntraApp = null);

public sealed record ObservedUser(string UserName, string? ExternalId, string? Title, string? Department);

public sealed record ObservedGroup(string DisplayName, string? ExternalId, long MemberCount)
{
    public bool IsNamedBy(string entry) => GroupReferences.Names(entry, DisplayName, ExternalId);
}
