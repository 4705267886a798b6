namespace Total.Grains.Tenants;

/// <summary>The persisted state of a tenant. Secrets are stored only hashed (tokens) or encrypted (client secret).</summary>
[GenerateSerializer, Alias("Total.TenantState")]
public sealed class TenantState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public Guid EntraTenantId { get; set; }
    [Id(3)] public string? EntraClientId { get; set; }
    [Id(4)] public string? ProtectedEntraClientSecret { get; set; }
    [Id(5)] public List<string> AdminGroups { get; set; } = [];
    [Id(6)] public List<string> MonitoredGroups { get; set; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public byte[]? ScimTokenHash { get; set; }
    [Id(9)] public DateTimeOffset ScimTokenIssuedAt { get; set; }
    [Id(10)] public byte[]? PreviousScimTokenHash { get; set; }
    [Id(11)] public DateTimeOffset? PreviousScimTokenValidUntil { get; set; }
    [Id(12)] public bool MonitorUsersOutsideGroups { get; set; } = true;
}
