using Microsoft.Extensions.Options;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Settings;

/// <summary>
/// Every settings section is checked when the server starts: one wrong value stops it with a message that names the
/// setting as an operator writes it, what it may be and an example. One row per rule kind and section; the edge
/// cases of each validator are tested beside its feature (<c>Scim/ScimOptionsTests</c>, <c>Lifecycle/LifecycleOptionsTests</c>, …).
/// </summary>
public sealed class SettingsCheckedAtStartTests
{
    [Theory]
    [InlineData("Scim:TokenRotationOverlap", "-01:00:00", "Scim:TokenRotationOverlap must be 00:00:00 to 30.00:00:00, e.g. 1.00:00:00 (24 hours).")]
    [InlineData("Scim:TokenCacheDuration", "02:00:00", "Scim:TokenCacheDuration must be 00:00:00 to 01:00:00")]
    [InlineData("Scim:MaxRequestBodyBytes", "0", "Scim:MaxRequestBodyBytes must be 1024 to 1073741824 bytes, e.g. 1048576.")]
    [InlineData("Scim:PublicBaseUrl", "total.example.com", "Scim:PublicBaseUrl must be an absolute http or https URL without query or fragment, e.g. https://total.example.com")]
    [InlineData("Scim:RateLimit:RequestsPerSecond", "-1", "Scim:RateLimit:RequestsPerSecond must be 0 to 1000000 (0 turns the token bucket off), e.g. 1000.")]
    [InlineData("Scim:RateLimit:Burst", "0", "Scim:RateLimit:Burst must be 1 to 1000000, e.g. 2000.")]
    [InlineData("Scim:RateLimit:MaxConcurrentRequests", "-5", "Scim:RateLimit:MaxConcurrentRequests must be 0 to 100000 (0 turns the cap off), e.g. 50.")]
    [InlineData("Scim:Limits:MaxJsonDepth", "257", "Scim:Limits:MaxJsonDepth must be 1 to 256")]
    [InlineData("Scim:Limits:MaxPageSize", "0", "Scim:Limits:MaxPageSize must be at least 1, e.g. 1000.")]
    [InlineData("SignIn:Instance", "http://login.example/", "SignIn:Instance must be an absolute https URL, e.g. https://login.microsoftonline.com/.")]
    [InlineData("SignIn:Generic:LookupsPerMinute", "-1", "SignIn:Generic:LookupsPerMinute must be 0 to 100000 (0 turns the limit off), e.g. 20.")]
    [InlineData("SignIn:Generic:Burst", "0", "SignIn:Generic:Burst must be 1 to 100000, e.g. 20.")]
    [InlineData("SignIn:Generic:DiscoveryCacheSize", "0", "SignIn:Generic:DiscoveryCacheSize must be 1 to 10000000, e.g. 10000.")]
    [InlineData("AzureAd:CallbackPath", "signin-oidc", "AzureAd:CallbackPath must be a path starting with '/', e.g. /signin-oidc.")]
    [InlineData("Operator:ApiKey", "secret", "Operator:ApiKey must be at least 16 characters when set, e.g. the output of openssl rand -base64 32.")]
    [InlineData("Operator:PreviousApiKey", "old", "Operator:PreviousApiKey must be at least 16 characters when set")]
    [InlineData("Secrets:EncryptionKey", "c2hvcnQ=", "Secrets:EncryptionKey must be 32 bytes (base64 of 32 random bytes, e.g. the output of: openssl rand -base64 32), not 5.")]
    [InlineData("Reconciliation:Period", "00:00:00", "Reconciliation:Period must be positive and at most 1.00:00:00, e.g. 00:05:00")]
    [InlineData("Reconciliation:RunTimeout", "-00:01:00", "Reconciliation:RunTimeout must be positive and at most 01:00:00, e.g. 00:02:00.")]
    [InlineData("Reconciliation:AccessLogRetention", "01:00:00", "Reconciliation:AccessLogRetention must be 1.00:00:00 to 3650.00:00:00 (1 day to 10 years), e.g. 400.00:00:00.")]
    [InlineData("Lifecycle:DrainDelay", "-00:00:01", "Lifecycle:DrainDelay must be 00:00:00 to 00:10:00, e.g. 00:00:05 on Kubernetes.")]
    [InlineData("Lifecycle:DrainDelay", "00:05:00", "Lifecycle:DrainDelay (00:05:00) must be shorter than Lifecycle:ShutdownTimeout (00:02:00)")]
    [InlineData("Lifecycle:ShutdownTimeout", "00:00:00", "Lifecycle:ShutdownTimeout must be positive and at most 01:00:00, e.g. 00:02:00.")]
    [InlineData("Orleans:Mode", "Clinet", "Orleans:Mode must be Client (the API as a client of the silos, cluster mode) or unset (a co-hosted silo), not 'Clinet'.")]
    [InlineData("Orleans:SiloPort", "70000", "Orleans:SiloPort must be a TCP port, 1 to 65535, e.g. 11111.")]
    [InlineData("Orleans:AdvertisedIPAddress", "pod-ip", "Orleans:AdvertisedIPAddress must be an IP address, e.g. 10.1.2.3 (on Kubernetes the pod IP), not 'pod-ip'.")]
    [InlineData("Orleans:ServiceId", "", "Orleans:ServiceId must not be empty")]
    [InlineData("Graph:AuthorityHost", "http://login.example/", "Graph:AuthorityHost must be an absolute https URL, e.g. https://login.microsoftonline.com/.")]
    [InlineData("Graph:MaxRetries", "11", "Graph:MaxRetries must be 0 to 10, e.g. 3.")]
    [InlineData("Graph:RequestTimeout", "00:00:00", "Graph:RequestTimeout must be positive and at most 01:00:00, e.g. 00:00:30.")]
    public async Task A_wrong_setting_stops_the_server_from_starting_and_names_the_setting(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartWithAsync(key, value));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Sections of switches only: the configuration binder refuses what is not <c>true</c> or <c>false</c>, naming the setting.</summary>
    [Theory]
    [InlineData("Database:ApplyMigrationsOnStart")]
    [InlineData("Dashboard:Enabled")]
    [InlineData("Dashboard:ProfileGrainCalls")]
    public async Task A_switch_that_is_not_a_boolean_stops_the_server_from_starting_and_names_the_setting(string key)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartWithAsync(key, "sometimes"));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    private static Task<TotalServer> StartWithAsync(string key, string value)
    {
        var settings = TestSettings.ForServer();
        settings[key] = value;
        return TotalServer.StartApiAsync(settings);
    }
}
