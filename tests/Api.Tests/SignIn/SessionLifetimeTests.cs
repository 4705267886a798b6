using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.SignIn;

/// <summary>A console session ends at its absolute lifetime however active it is; the idle timeout alone would let it slide for ever.</summary>
public sealed class SessionLifetimeTests(SessionLifetimeTests.ClockServer fixture) : IClassFixture<SessionLifetimeTests.ClockServer>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_active_session_ends_at_its_absolute_lifetime()
    {
        var tenant = await SignInTenant.OnboardAsync(fixture.Server);
        var (_, browser) = await SignedInConsole.AdminOfAsync(fixture.Server, tenant);
        using (browser)
        {
            fixture.Clock.Advance(TimeSpan.FromHours(7));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/console")).StatusCode);

            fixture.Clock.Advance(TimeSpan.FromHours(6));
            var pastLifetime = await browser.GetAsync("/console");

            Assert.Equal(HttpStatusCode.Redirect, pastLifetime.StatusCode);
            Assert.Equal($"/t/{tenant.TenantId}", pastLifetime.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/console")).StatusCode);
        }
    }

    [Theory]
    [InlineData("SignIn:AbsoluteSessionLifetime", "00:00:00", "SignIn:AbsoluteSessionLifetime must be positive")]
    [InlineData("SignIn:AbsoluteSessionLifetime", "31.00:00:00", "SignIn:AbsoluteSessionLifetime must be positive and at most 30 days")]
    [InlineData("SignIn:SessionIdleTimeout", "-00:00:01", "SignIn:SessionIdleTimeout must be positive")]
    public async Task A_wrong_session_setting_stops_the_server_from_starting_and_names_the_setting(string key, string value, string message)
    {
        var settings = TestSettings.ForServer();
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TotalServer.StartApiAsync(settings));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The stand-in server on a clock the test moves, with the lifetime and idle timeout spelled out.</summary>
    public sealed class ClockServer : StandInServerFixture
    {
        public ShiftableClock Clock { get; } = new();

        protected override Dictionary<string, string?> ServerSettings()
        {
            var settings = base.ServerSettings();
            settings["SignIn:SessionIdleTimeout"] = "08:00:00";
            settings["SignIn:AbsoluteSessionLifetime"] = "12:00:00";
            return settings;
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
    }
}
