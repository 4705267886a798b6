using Total.Api.SignIn;

namespace Total.Api.Tests.SignIn;

/// <summary>The <c>SignIn</c> settings beside the session lengths (<see cref="SessionLifetimeTests"/>): the Entra instance is HTTPS.</summary>
public sealed class SignInOptionsTests
{
    [Fact]
    public void A_relative_instance_is_refused() =>
        Assert.True(new SignInOptionsRulesValidator().Validate(null, new SignInOptions { Instance = new Uri("login.microsoftonline.com", UriKind.Relative) }).Failed);

    [Fact]
    public void An_idle_timeout_over_30_days_is_refused()
    {
        var result = new SignInOptionsValidator().Validate(null, new SignInOptions { SessionIdleTimeout = TimeSpan.FromDays(31) });

        Assert.Contains("SignIn:SessionIdleTimeout must be positive and at most 30 days, e.g. 08:00:00.", result.FailureMessage, StringComparison.Ordinal);
    }
}
