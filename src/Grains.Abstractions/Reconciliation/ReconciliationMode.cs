namespace Total.Grains.Abstractions.Reconciliation;

public enum ReconciliationMode
{
    /// <summary>No app registration credentials: admins are re-checked against what SCIM provisioned only.</summary>
    ScimOnly = 1,

    /// <summary>Admins are also checked against the admin groups' membership in Entra, read with Microsoft Graph.</summary>
    ScimAndGraph = 2,
}
