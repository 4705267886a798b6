using Total.Api.Scim.RateLimiting;

namespace Total.Api.Tests.Scim;

/// <summary>The <c>Scim:RateLimit</c> settings: 0 turns a limit off as documented; a negative value is refused, not taken as off.</summary>
public sealed class ScimRateLimitOptionsTests
{
    [Fact]
    public void Zero_turns_the_token_bucket_and_the_cap_off_and_is_accepted()
    {
        var result = new ScimRateLimitOptionsValidator().Validate(null, new ScimRateLimitOptions { RequestsPerSecond = 0, MaxConcurrentRequests = 0 });

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
