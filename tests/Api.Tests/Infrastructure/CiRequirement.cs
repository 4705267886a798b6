namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// What a test does when something it needs (PostgreSQL, Chromium, root) is missing: skip locally, but fail under
/// <c>CI=true</c>, where <c>.ci/run</c> installs everything: CI must never pass by skipping.
/// </summary>
public static class CiRequirement
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Never returns: throws under CI with <paramref name="ciFailure"/>, else skips the test with <paramref name="localSkip"/>.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Missing(string ciFailure, string localSkip)
    {
        if (InCi)
        {
            throw new InvalidOperationException(ciFailure);
        }

        Assert.Skip(localSkip);
    }
}
