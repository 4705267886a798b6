namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// One customer of TOTAL: its settings, its Entra app registration and its SCIM bearer tokens.
/// Keyed by the TOTAL tenant id (the segment in the SCIM base URL).
/// </summary>
[Alias("Total.Tenant")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant and its first SCIM token; the token is returned here only.</summary>
    [Alias("Create")]
    Task<TenantCreation> CreateAsync(TenantRegistration registration);

    /// <summary>The tenant without secrets, or null when it does not exist.</summary>
    /// <remarks>Interleaves: access recomputes started by this grain's own changes read the settings back.</remarks>
    [Alias("Get"), AlwaysInterleave]
    Task<TenantDetails?> GetAsync();

    /// <summary>
    /// Sets the admin and monitored groups (and, when given, whether users outside every group are monitored).
    /// Admin access of the users concerned is recomputed before this returns. A change that would take access from
    /// every current admin, or end the acting console admin's own access, is refused with <see cref="TenantOutcomeKind.AdminAccessLoss"/>
    /// and changes nothing unless <see cref="GroupsUpdate.ConfirmedAdminAccessLoss"/>.
    /// </summary>
    [Alias("UpdateGroups")]
    Task<TenantOutcome> UpdateGroupsAsync(GroupsUpdate update);

    /// <summary>Sets or changes the customer's Entra app registration. A null secret keeps the stored one.</summary>
    [Alias("UpdateEntraApp")]
    Task<TenantOutcome> UpdateEntraAppAsync(string? clientId, string? clientSecret);

    /// <summary>
    /// Issues a new SCIM token. The current token stays valid for <paramref name="previousTokenValidFor"/>, and earlier
    /// ones until their own overlaps end, so a provisioning job keeps working until the customer pastes the new one into
    /// Entra; zero stops every earlier token at once. Refused (<see cref="TenantOutcomeKind.Conflict"/>) when as many
    /// tokens as allowed are live already, or when <paramref name="expectedGeneration"/> is not the
    /// <see cref="TenantDetails.ScimTokenGeneration"/> any more (a console form submitted again).
    /// </summary>
    [Alias("RotateScimToken")]
    Task<ScimTokenRotationOutcome> RotateScimTokenAsync(TimeSpan previousTokenValidFor, int? expectedGeneration = null);

    /// <summary>True when the SHA-256 hash of a presented bearer token matches a live token of this tenant.</summary>
    [Alias("IsValidScimToken"), ReadOnly]
    Task<bool> IsValidScimTokenAsync(byte[] presentedTokenHash);

    /// <summary>The app registration for sign-in (and Graph), with the secret decrypted; null when the tenant does not exist.</summary>
    [Alias("GetSignInSettings"), ReadOnly]
    Task<TenantSignInSettings?> GetSignInSettingsAsync();

    /// <summary>Offboards the tenant: its tokens stop working at once and its Entra tenant id is released.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync();
}
