using Total.Hosting.Lifecycle;

namespace Total.Api.Tests.Lifecycle;

/// <summary>The <c>Lifecycle</c> settings: a drain within its range and shorter than the stop it is part of.</summary>
public sealed class LifecycleOptionsTests
{
    [Fact]
    public void A_drain_as_long_as_the_shutdown_timeout_is_refused()
    {
        var result = new LifecycleOptionsRulesValidator().Validate(null, new LifecycleOptions { DrainDelay = TimeSpan.FromSeconds(30), ShutdownTimeout = TimeSpan.FromSeconds(30) });

        Assert.Contains("Lifecycle:DrainDelay (00:00:30) must be shorter than Lifecycle:ShutdownTimeout (00:00:30)", result.FailureMessage, StringComparison.Ordinal);
    }
}
