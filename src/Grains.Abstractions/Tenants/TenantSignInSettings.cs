namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// What the sign-in handler needs for one tenant's own Entra app registration. Holds the decrypted client
/// secret: for server-side OpenID Connect only, never rendered or returned by any API.
/// </summary>
[GenerateSerializer, Immutable, Alias("Total.TenantSignInSettings")]
public sealed record TenantSignInSettings(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Name,
    [property: Id(2)] Guid EntraTenantId,
    [property: Id(3)] string? ClientId,
    [property: Id(4)] string? ClientSecret)
{
    /// <summary>True when both halves of the app registration are known.</summary>
    public bool CanSignIn => !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);

    /// <summary>
    /// The tenant chose its own app registration (a client id is entered). Then TOTAL's shared app is never used
    /// for it, even while the secret is missing or cannot be decrypted: the customer consented to their own app,
    /// and a silent switch would fail in ways nobody could explain.
    /// </summary>
    public bool HasOwnApp => !string.IsNullOrEmpty(ClientId);

    /// <summary>Keeps the secret out of logs and debugger views.</summary>
    public override string ToString() => $"TenantSignInSettings {{ TenantId = {TenantId}, EntraTenantId = {EntraTenantId}, ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "none" : "***")} }}";
}
