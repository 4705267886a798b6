namespace Total.Grains.Abstractions.Access;

/// <summary>Computes <see cref="AccessDecision"/>s for one tenant; keyed by tenant id, stateless.</summary>
[Alias("Total.AccessDecisions")]
public interface IAccessDecisionGrain : IGrainWithStringKey
{
    /// <summary>The decision for the user whose SCIM <c>externalId</c> equals the token's <c>oid</c>; null when the tenant does not exist.</summary>
    [Alias("Decide")]
    Task<AccessDecision?> DecideAsync(string oid);

    /// <summary>The decision for a provisioned user by SCIM id (console lists); null when the tenant or user does not exist.</summary>
    [Alias("DecideForUser")]
    Task<AccessDecision?> DecideForUserAsync(string userId);
}
