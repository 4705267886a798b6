namespace Total.Grains.Storage;

/// <summary>Names of the grain storage provider and of each grain type's state.</summary>
/// <remarks>
/// The ADO.NET store keys rows by service id + state name + grain key, not by grain class, so every
/// state name below must be unique across grain types. Renaming one orphans stored data.
/// </remarks>
public static class GrainStorage
{
    /// <summary>The one storage provider all grains use.</summary>
    public const string ProviderName = "total";

    public const string TenantState = "tenant";
    /// <summary>Retired (the tenant directory is a table now); the name stays taken so no new state reuses old rows.</summary>
    public const string TenantDirectoryState = "tenant-directory";
    public const string EntraTenantIndexState = "entra-tenant-index";
    public const string ProvisioningLogState = "provisioning-log";
    public const string ReconciliationState = "reconciliation";
    public const string EndedSessionsState = "ended-sessions";
}
