namespace Total.Grains.Abstractions.Tenants;

/// <summary>What an operator supplies to onboard a customer.</summary>
[GenerateSerializer, Immutable, Alias("Total.TenantRegistration")]
public sealed record TenantRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] Guid EntraTenantId,
    [property: Id(2)] IReadOnlyList<string> AdminGroups,
    [property: Id(3)] IReadOnlyList<string> MonitoredGroups,
    [property: Id(4)] string? EntraClientId,
    [property: Id(5)] string? EntraClientSecret);
