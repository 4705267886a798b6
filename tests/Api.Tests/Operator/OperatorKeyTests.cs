using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Total.Api.Operator;

namespace Total.Api.Tests.Operator;

/// <summary>Operator key rotation: the previous key keeps working, with a warning, until it is removed.</summary>
public sealed class OperatorKeyTests
{
    private readonly FakeLogger<OperatorKey> _logger = new();

    [Fact]
    public void Current_key_matches_and_others_do_not()
    {
        var key = Create("current-key", previous: null);

        Assert.True(key.Matches("current-key"));
        Assert.False(key.Matches("current-key "));
        Assert.False(key.Matches("old-key"));
        Assert.False(key.Matches(""));
        Assert.False(key.Matches(null));
    }

    [Fact]
    public void Previous_key_matches_during_a_rotation_with_one_warning_a_minute()
    {
        var key = Create("new-key", previous: "old-key");

        Assert.True(key.Matches("old-key"));
        Assert.True(key.Matches("old-key"));
        Assert.True(key.Matches("new-key"));
        Assert.False(key.Matches("other-key"));

        var warning = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("previous operator key", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("old-key", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_an_unset_key_refuses_everything_even_the_previous_key()
    {
        var key = Create(null, previous: "old-key", environment: Environments.Production);

        Assert.False(key.Matches("old-key"));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
    }

    private OperatorKey Create(string? current, string? previous, string environment = "Development") =>
        new(
            Options.Create(new OperatorOptions { ApiKey = current, PreviousApiKey = previous }),
            new HostingEnvironment { EnvironmentName = environment },
            _logger);
}
