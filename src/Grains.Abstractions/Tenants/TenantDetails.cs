namespace Total.Grains.Abstractions.Tenants;

/// <summary>A tenant as operators and the console see it: never any secret, only whether one is set.</summary>
/// <param name="MonitorUsersOutsideGroups">
/// Whether a user provisioned outside every provisioned group (assigned to the app directly in Entra) is monitored.
/// </param>
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
    [property: Id(10)] bool MonitorUsersOutsideGroups = true);
