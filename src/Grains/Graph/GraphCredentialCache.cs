using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Total.Grains.Abstractions.Graph;

namespace Total.Grains.Graph;

/// <summary>
/// One <see cref="ClientSecretCredential"/> per (tenant, client id, secret, authority), so its in-memory token
/// cache serves every read of that app for the token's lifetime instead of asking Entra each time. The secret
/// is keyed by its SHA-256 only. Entries are rebuilt after <see cref="Lifetime"/>, which also bounds how long a
/// rotated-away secret stays in memory.
/// </summary>
internal sealed class GraphCredentialCache(IHttpClientFactory httpClients, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Authority hosts that answer MSAL's instance discovery; any other (the local stand-in) must skip it.</summary>
    private static readonly HashSet<string> MicrosoftAuthorityHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "login.microsoftonline.com",
        "login.microsoft.com",
        "login.windows.net",
        "sts.windows.net",
        "login.microsoftonline.us",
        "login.usgovcloudapi.net",
        "login.chinacloudapi.cn",
        "login.partner.microsoftonline.cn",
        "login.microsoftonline.de",
    };

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public TokenCredential For(GraphCredentials app, GraphOptions options)
    {
        var key = new Key(app.EntraTenantId, app.ClientId, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(app.ClientSecret))), options.AuthorityHost);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now - entry.CreatedAt < Lifetime)
        {
            return entry.Credential;
        }

        foreach (var (oldKey, old) in _entries)
        {
            if (now - old.CreatedAt >= Lifetime)
            {
                _entries.TryRemove(oldKey, out _);
            }
        }

        // Two reads racing here each build one; the last stored wins and the other is simply not reused.
        var created = new Entry(Create(app, options), now);
        _entries[key] = created;
        return created.Credential;
    }

    private ClientSecretCredential Create(GraphCredentials app, GraphOptions options)
    {
        var authority = new Uri(options.AuthorityHost);
        var credentialOptions = new ClientSecretCredentialOptions
        {
            AuthorityHost = authority,
            DisableInstanceDiscovery = !MicrosoftAuthorityHosts.Contains(authority.Host),
            Transport = new HttpClientTransport(httpClients.CreateClient(GraphOptions.HttpClientName)),
        };
        credentialOptions.Retry.MaxRetries = options.MaxRetries;
        credentialOptions.Retry.NetworkTimeout = options.RequestTimeout;
        return new ClientSecretCredential(app.EntraTenantId.ToString("D"), app.ClientId, app.ClientSecret, credentialOptions);
    }

    private sealed record Key(Guid EntraTenantId, string ClientId, string SecretHash, string AuthorityHost);

    private sealed record Entry(TokenCredential Credential, DateTimeOffset CreatedAt);
}
