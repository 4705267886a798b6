namespace Total.Grains.Abstractions.Access;

/// <summary>
/// One provisioned user's admin access, keyed like the user (<c>{tenantId}/{userId}</c>). It recomputes the
/// decision when SCIM, Graph or the tenant's settings signal a change, stores the result with a revision,
/// and records every grant and revocation. Console sessions check it on every request.
/// Queries (<see cref="PreviewAsync"/>, <see cref="GetAsync"/>) are read-only and never record; only the commands
/// (<see cref="RecomputeAsync"/>, <see cref="SetGraphDeniedAsync"/>), called for a change, store and record.
/// </summary>
[Alias("Total.UserAccessGrain")]
public interface IUserAccessGrain : IGrainWithStringKey
{
    /// <summary>Recomputes the decision from the provisioned data, stores any change (recorded with <paramref name="cause"/>) and returns it.</summary>
    /// <remarks>The alias keeps the method's earlier name (DecideAsync), which silos of the previous release call during a rolling upgrade.</remarks>
    [Alias("Decide")]
    Task<AccessDecision?> RecomputeAsync(AccessCause cause);

    /// <summary>
    /// What the rules decide now from the provisioned data, storing and recording nothing: what a console page or the
    /// operator's access read shows. Looking never changes access; a change is recorded only by what caused it.
    /// </summary>
    [Alias("Preview"), ReadOnly]
    Task<AccessDecision?> PreviewAsync();

    /// <summary>The stored access, without recomputing: the per-request session check.</summary>
    [Alias("Get"), ReadOnly]
    Task<UserAccess> GetAsync();

    /// <summary>
    /// Sets what Microsoft Graph says: <paramref name="denied"/> when Entra has the user in no admin group.
    /// Graph only takes access away: clearing the denial gives back only what SCIM grants.
    /// </summary>
    [Alias("SetGraphDenied")]
    Task<AccessDecision?> SetGraphDeniedAsync(bool denied, AccessCause cause);
}
