namespace Total.Grains.Abstractions.Access;

/// <summary>Computes <see cref="AccessDecision"/>s for one tenant; keyed by tenant id, stateless.</summary>
[Alias("Total.AccessDecisions")]
public interface IAccessDecisionGrain : IGrainWithStringKey
{
    /// <summary>
    /// The decision for the user whose SCIM <c>externalId</c> equals the token's <c>oid</c>, recomputed and stored (a
    /// sign-in that finds the provisioned data changed records the change); null when the tenant does not exist.
    /// </summary>
    [Alias("Decide")]
    Task<AccessDecision?> DecideAsync(string oid);

    /// <summary>The same decision for an <c>oid</c>, storing and recording nothing (the operator's access read).</summary>
    [Alias("Preview"), ReadOnly]
    Task<AccessDecision?> PreviewAsync(string oid);

    /// <summary>The decision for a provisioned user by SCIM id, storing and recording nothing (console pages); null when the tenant or user does not exist.</summary>
    [Alias("PreviewForUser"), ReadOnly]
    Task<AccessDecision?> PreviewForUserAsync(string userId);
}
