namespace Total.Grains.Abstractions.Tenants;

/// <summary>A tenant as operators and the console see it: never any secret, only whether one is set.</summary>
/// <param name="PreviousScimTokenValidUntil">Until when the token the last rotation retired still works; null when it no longer does.</param>
/// <param name="MonitorUsersOutsideGroups">
/// Whether a user provisioned outside every provisioned group (assigned to the app directly in Entra) is monitored.
/// </param>
/// <param name="EarlierScimTokens">Every earlier SCIM token still working, each until its own overlap ends, in the order issued.</param>
/// <param name="ScimTokenGeneration">How many times the SCIM token was rotated (a console form names it, so a resubmission rotates nothing).</param>
[GenerateSerializer, Immutable, Alias("Total.TenantDetails")]
public sealed record TenantDetails(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid EntraTenantId,
    [property: Id(3)] string? EntraClientId,
    [property: Id(4)] bool HasEntraClientSecret,
    [property: Id(5)] IReadOnlyList<string> AdminGroups,
    [property: Id(6)] IReadOnlyList<string> MonitoredGroups,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset ScimTokenIssuedAt,
    [property: Id(9)] DateTimeOffset? PreviousScimTokenValidUntil,
    [property: Id(10)] bool MonitorUsersOutsideGroups = true,
    [property: Id(11)] IReadOnlyList<ScimTokenOverlap>? EarlierScimTokens = null,
    [property: Id(12)] int ScimTokenGeneration = 0);
