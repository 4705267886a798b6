using Total.Scim;

namespace Total.Api.Scim.RateLimiting;

/// <summary>
/// Per-tenant SCIM limits (section <c>Scim:RateLimit</c>): a token bucket per tenant, so one tenant's burst
/// cannot starve the others, and a cap on its requests in flight at once, so slow requests (big bodies
/// trickling in, big groups) cannot pile up. Entra asks for at least 25 requests/s per tenant; the defaults
/// leave plenty of headroom above that.
/// </summary>
public sealed class ScimRateLimitOptions
{
    public const string Section = "Scim:RateLimit";

    /// <summary>Sustained requests per second per tenant; 0 turns the token bucket off.</summary>
    [SettingRange(0, 1_000_000, ErrorMessage = $"{Section}:{nameof(RequestsPerSecond)} must be {{1}} to {{2}} (0 turns the token bucket off), e.g. 1000.")]
    public int RequestsPerSecond { get; set; } = 1000;

    /// <summary>Requests a tenant may send at once above the sustained rate.</summary>
    [SettingRange(1, 1_000_000, ErrorMessage = $"{Section}:{nameof(Burst)} must be {{1}} to {{2}}, e.g. 2000.")]
    public int Burst { get; set; } = 2000;

    /// <summary>Requests of one tenant being served at the same time (per API process); 0 turns the cap off.</summary>
    [SettingRange(0, 100_000, ErrorMessage = $"{Section}:{nameof(MaxConcurrentRequests)} must be {{1}} to {{2}} (0 turns the cap off), e.g. 50.")]
    public int MaxConcurrentRequests { get; set; } = 50;
}
