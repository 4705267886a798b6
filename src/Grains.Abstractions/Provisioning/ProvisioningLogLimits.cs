namespace Total.Grains.Abstractions.Provisioning;

/// <summary>How much of a tenant's provisioning log is kept: what the grain keeps and what the console says it keeps.</summary>
public static class ProvisioningLogLimits
{
    /// <summary>The most recent SCIM calls kept per tenant; older ones are dropped as new ones arrive.</summary>
    public const int Capacity = 1000;
}
