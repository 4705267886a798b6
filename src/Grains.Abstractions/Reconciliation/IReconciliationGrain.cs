namespace Total.Grains.Abstractions.Reconciliation;

/// <summary>
/// A tenant's reconciliation, keyed by tenant id: one reminder per tenant (never per user) that re-checks every
/// admin against what was provisioned and, with the tenant's app registration, against Microsoft Graph.
/// Graph can only take admin access away, never grant it.
/// </summary>
[Alias("Total.Reconciliation")]
public interface IReconciliationGrain : IGrainWithStringKey
{
    /// <summary>Registers the tenant's reminder if it is missing or its period changed; idempotent.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Runs a reconciliation that starts after this call (after any run under way) and returns how it went.</summary>
    [Alias("RunNow")]
    Task<ReconciliationStatus> RunNowAsync();

    /// <summary>
    /// Starts a run without waiting for it (e.g. SCIM granted admin to a user Graph had denied), or joins the one
    /// under way: it interleaves, so a request made from inside a run never queues a second run behind it.
    /// </summary>
    [Alias("RequestRun"), OneWay, AlwaysInterleave]
    Task RequestRunAsync();

    /// <summary>The admin groups changed: the delta link no longer covers the right groups, so the next run reads them whole.</summary>
    [Alias("AdminGroupsChanged"), OneWay]
    Task AdminGroupsChangedAsync();

    [Alias("GetStatus"), AlwaysInterleave]
    Task<ReconciliationStatus> GetStatusAsync();

    /// <summary>The console's "test Graph access": the tenant's credentials, consent and permission, checked now.</summary>
    [Alias("TestGraphAccess")]
    Task<GraphAccessCheck> TestGraphAccessAsync();

    /// <summary>The tenant was offboarded: unregisters the reminder and forgets the state.</summary>
    [Alias("Stop")]
    Task StopAsync();
}
