using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Total.DevStandIns.Entra;

/// <summary>
/// App registrations per Entra tenant, for tests and the bench. A tenant with none registered accepts any client
/// and any non-empty secret, with consent granted (the stand-in's original behaviour); once a tenant has a
/// registration, only registered clients get tokens there, with the registered secret.
/// </summary>
public sealed class StandInAppRegistrations
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, StandInAppRegistration>> _tenants = new();

    /// <summary>Registers (or replaces) an app in a tenant.</summary>
    public void Register(Guid entraTenantId, StandInAppRegistration registration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.ClientId);
        _tenants.GetOrAdd(entraTenantId, _ => new(StringComparer.OrdinalIgnoreCase))[registration.ClientId] = registration;
    }

    /// <summary>
    /// Grants or revokes admin consent for <paramref name="clientId"/>, registering it (accepting any secret) if
    /// the tenant did not know it.
    /// </summary>
    public void SetConsent(Guid entraTenantId, string clientId, bool granted)
    {
        var apps = _tenants.GetOrAdd(entraTenantId, _ => new(StringComparer.OrdinalIgnoreCase));
        apps.AddOrUpdate(clientId, id => new StandInAppRegistration(id, null, granted), (_, app) => app with { ConsentGranted = granted });
    }

    /// <summary>Forgets every registration of a tenant.</summary>
    public void Clear(Guid entraTenantId) => _tenants.TryRemove(entraTenantId, out _);

    /// <summary>True when the app may act in the tenant now: consent granted, or a tenant without registrations.</summary>
    public bool HasConsent(Guid entraTenantId, string clientId) =>
        !_tenants.TryGetValue(entraTenantId, out var apps) || apps.IsEmpty
        || (apps.TryGetValue(clientId, out var app) && app.ConsentGranted);

    /// <summary>Checks a client's credential the way Entra's token endpoint does.</summary>
    internal ClientCheck Check(Guid entraTenantId, ClientCredential client)
    {
        if (!_tenants.TryGetValue(entraTenantId, out var apps) || apps.IsEmpty)
        {
            return ClientCheck.Accepted;
        }

        if (!apps.TryGetValue(client.ClientId, out var app))
        {
            return ClientCheck.UnknownClient;
        }

        if (app.Secret is null)
        {
            return ClientCheck.Accepted;
        }

        if (client.Secret is null)
        {
            // The stand-in cannot verify certificate assertions, so an app registered with a secret must send it.
            return ClientCheck.AssertionNotVerifiable;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(app.Secret), Encoding.UTF8.GetBytes(client.Secret))
            ? ClientCheck.Accepted
            : ClientCheck.WrongSecret;
    }
}
