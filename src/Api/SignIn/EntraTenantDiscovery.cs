using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>
/// Finds the Entra tenant a work email belongs to the way Microsoft's own sign-in does: Entra publishes an
/// OpenID configuration for every verified domain (<c>{instance}{domain}/v2.0/.well-known/openid-configuration</c>)
/// whose issuer names the tenant id. Only domains verified in an Entra tenant resolve, so nobody can claim
/// another organisation's domain in TOTAL. Answers are cached (an hour when found, five minutes when not) in a cache of
/// its own, bounded by <see cref="GenericSignInOptions.DiscoveryCacheSize"/> domains: strangers type any domain they like.
/// </summary>
public sealed class EntraTenantDiscovery(
    IHttpClientFactory clients,
    IOptions<SignInOptions> options,
    IOptions<GenericSignInOptions> genericSignIn,
    ILogger<EntraTenantDiscovery> logger) : IDisposable
{
    public const string ClientName = "entra-discovery";

    // Every entry has size 1, so the size limit is a number of domains; a full cache compacts itself (least recently used first).
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = genericSignIn.Value.DiscoveryCacheSize });

    /// <summary>The tenant of personal Microsoft accounts (outlook.com, hotmail.com, …), never an organisation.</summary>
    public static readonly Guid PersonalAccounts = new("9188040d-6c67-4c5b-b112-36a304b66dad");

    /// <summary>The domains remembered now, at most <see cref="GenericSignInOptions.DiscoveryCacheSize"/>.</summary>
    public int CachedDomainCount => _cache.Count;

    public async Task<EntraDomainLookup> FindAsync(string domain, CancellationToken cancellationToken)
    {
        var key = domain;
        if (_cache.TryGetValue(key, out EntraDomainLookup? known))
        {
            return known!;
        }

        var found = await LookUpAsync(domain, cancellationToken);
        if (found.Outcome != EntraDomainOutcome.Unavailable)
        {
            _cache.Set(key, found, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = found.Outcome == EntraDomainOutcome.Found ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(5),
            });
        }

        return found;
    }

    public void Dispose() => _cache.Dispose();

    private async Task<EntraDomainLookup> LookUpAsync(string domain, CancellationToken cancellationToken)
    {
        var instance = options.Value.Instance;
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(new Uri(instance, $"{Uri.EscapeDataString(domain)}/v2.0/.well-known/openid-configuration"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // Entra answers 400 (AADSTS90002) for a domain no tenant has verified.
                return (int)response.StatusCode is >= 400 and < 500 ? EntraDomainLookup.NotFound : EntraDomainLookup.Unavailable;
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var issuer = document.RootElement.TryGetProperty("issuer", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var tenantSegment = Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.Segments.ElementAtOrDefault(1)?.TrimEnd('/') : null;
            return Guid.TryParse(tenantSegment, out var tid)
                ? new EntraDomainLookup(tid == PersonalAccounts ? EntraDomainOutcome.PersonalAccounts : EntraDomainOutcome.Found, tid)
                : EntraDomainLookup.NotFound;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException)
        {
            logger.LogWarning(exception, "Looking up the Entra tenant of an email domain failed");
            return EntraDomainLookup.Unavailable;
        }
    }
}

public enum EntraDomainOutcome
{
    Found,
    NotFound,
    PersonalAccounts,
    Unavailable,
}

/// <summary>What Entra said about an email domain.</summary>
public sealed record EntraDomainLookup(EntraDomainOutcome Outcome, Guid? EntraTenantId)
{
    public static readonly EntraDomainLookup NotFound = new(EntraDomainOutcome.NotFound, null);
    public static readonly EntraDomainLookup Unavailable = new(EntraDomainOutcome.Unavailable, null);
}
