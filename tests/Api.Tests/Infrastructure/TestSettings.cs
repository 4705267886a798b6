using System.Security.Cryptography;

namespace Total.Api.Tests.Infrastructure;

/// <summary>Settings every test server shares: loopback only, quiet logs, a known operator key.</summary>
public static class TestSettings
{
    public const string OperatorKey = "test-operator-key-0123456789abcdef";

    /// <summary>A fresh key per test run, so nothing secret lives in the repository.</summary>
    public static readonly string EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static Dictionary<string, string?> ForServer(string? connectionString = null) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Error",
        ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Error",
        ["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"] = "Error",
        ["Logging:LogLevel:Total.Hosting.Silos.RunModeAnnouncement"] = "Error",
        ["Operator:ApiKey"] = OperatorKey,
        ["Secrets:EncryptionKey"] = EncryptionKey,
        ["Orleans:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        ["ConnectionStrings:Total"] = connectionString,

        // Tests never reach Microsoft: without the stand-in (which takes over these), Graph and its token
        // endpoint point at a closed loopback port, so a reconciliation reminder firing mid-test stays local.
        ["Graph:BaseUrl"] = "https://127.0.0.1:9/v1.0",
        ["Graph:AuthorityHost"] = "https://127.0.0.1:9/",
        ["SignIn:Instance"] = "https://127.0.0.1:9/",
    };

    public static string[] ToArgs(IDictionary<string, string?> settings) =>
        settings.Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
}
