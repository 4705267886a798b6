namespace Total.Grains.Tenants;

/// <summary>The persisted state of a tenant. Secrets are stored only hashed (tokens) or encrypted (client secret).</summary>
/// <remarks>
/// Stored as System.Text.Json, null members left out. Members 8–11 are how tenants stored before token sets kept their
/// current and one previous token; <see cref="TenantStateMigration"/> moves them into <see cref="ScimTokens"/> on read.
/// </remarks>
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

    /// <summary>Before token sets: the current token's hash. Read only to migrate; null afterwards.</summary>
    [Id(8)] public byte[]? ScimTokenHash { get; set; }

    /// <summary>Before token sets: when the current token was issued. Read only to migrate; null afterwards.</summary>
    [Id(9)] public DateTimeOffset? ScimTokenIssuedAt { get; set; }

    /// <summary>Before token sets: the one previous token's hash. Read only to migrate; null afterwards.</summary>
    [Id(10)] public byte[]? PreviousScimTokenHash { get; set; }

    /// <summary>Before token sets: the end of the previous token's overlap. Read only to migrate; null afterwards.</summary>
    [Id(11)] public DateTimeOffset? PreviousScimTokenValidUntil { get; set; }

    [Id(12)] public bool MonitorUsersOutsideGroups { get; set; } = true;

    /// <summary>The current SCIM token and the earlier ones in their overlap (<see cref="ScimTokenSet"/>), in the order issued.</summary>
    [Id(13)] public List<StoredScimToken> ScimTokens { get; set; } = [];

    /// <summary>How many times the token was rotated: a console form names the count it was shown at, so a resubmission rotates nothing.</summary>
    [Id(14)] public int ScimTokenGeneration { get; set; }
}
