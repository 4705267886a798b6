namespace Total.Grains.Abstractions.Graph;

/// <summary>A customer's app registration in their own Entra tenant, as the client-credentials flow needs it.</summary>
public sealed record GraphCredentials(Guid EntraTenantId, string ClientId, string ClientSecret)
{
    // Never print the secret (records print every property by default).
    public override string ToString() => $"GraphCredentials {{ EntraTenantId = {EntraTenantId}, ClientId = {ClientId} }}";
}
