using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>
/// Server settings for the conformance suite: the test defaults with the per-tenant SCIM rate limit off.
/// The suite checks protocol behaviour (throttling has RateLimitTests), and the big-group test sends a few
/// thousand requests for one tenant as fast as the machine allows.
/// </summary>
public static class ScimSuiteSettings
{
    public static Dictionary<string, string?> ForServer(string? connectionString = null)
    {
        var settings = TestSettings.ForServer(connectionString);
        settings["Scim:RateLimit:RequestsPerSecond"] = "0";
        return settings;
    }
}
