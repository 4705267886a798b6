namespace Total.Grains.Abstractions.Access;

/// <summary>
/// Whether a signed-in Entra user (by <c>oid</c>) may use the admin console and whether TOTAL protects
/// them, with the reasons in words an IT admin can act on. The one decision sign-in, every console
/// request and the operator API use.
/// </summary>
/// <param name="Revision">The user's access revision: it changes whenever <see cref="Admin"/> changes.</param>
/// <param name="ScimAdmin">Admin by what SCIM provisioned, before Microsoft Graph's say (Graph can only take it away).</param>
/// <param name="AdminGroupExternalIds">
/// The externalId (Entra object id as provisioned; empty when the group has none) of each admin group the user is a
/// member of: the groups reconciliation must find the user in, in Entra.
/// </param>
[GenerateSerializer, Immutable, Alias("Total.AccessDecision")]
public sealed record AccessDecision(
    [property: Id(0)] bool Admin,
    [property: Id(1)] bool Monitored,
    [property: Id(2)] bool Active,
    [property: Id(3)] string? UserId,
    [property: Id(4)] IReadOnlyList<string> Reasons,
    [property: Id(5)] IReadOnlyList<string>? GroupNames = null,
    [property: Id(6)] long Revision = 0,
    [property: Id(7)] bool ScimAdmin = false,
    [property: Id(8)] IReadOnlyList<string>? AdminGroupExternalIds = null,
    [property: Id(9)] string? ExternalId = null);
