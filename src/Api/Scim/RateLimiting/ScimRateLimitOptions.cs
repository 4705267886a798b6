namespace Total.Api.Scim.RateLimiting;

/// <summary>
/// Per-tenant SCIM rate limit (section <c>Scim:RateLimit</c>): a token bucket per tenant, so one tenant's
/// burst cannot starve the others. Entra asks for at least 25 requests/s per tenant; the default leaves
/// plenty of headroom above that.
/// </summary>
public sealed class ScimRateLimitOptions
{
    public const string Section = "Scim:RateLimit";

    /// <summary>Sustained requests per second per tenant; 0 turns the limit off.</summary>
    public int RequestsPerSecond { get; set; } = 1000;

    /// <summary>Requests a tenant may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 2000;
}
