using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;
using Total.DevStandIns.Entra;

namespace Total.Api.Tests.SignIn;

/// <summary>One Development-mode embedded server with the local Entra stand-in on a free HTTPS port.</summary>
public class StandInServerFixture : IAsyncLifetime
{
    private TotalServer? _server;

    public TotalServer Server => _server ?? throw new InvalidOperationException("not started");

    public EntraStandIn StandIn => Server.Services.GetRequiredService<EntraStandIn>();

    public static Dictionary<string, string?> Settings(string environment)
    {
        var settings = TestSettings.ForServer();
        settings["environment"] = environment;
        settings["SignIn:StandIn:Enabled"] = "true";
        settings["SignIn:StandIn:HttpsPort"] = "0";
        settings["Logging:LogLevel:Total.DevStandIns.Entra.EntraStandInAnnouncement"] = "Error";

        // Revocation tests provision a hundred users of one tenant at once; the in-flight cap has its own tests.
        settings["Scim:RateLimit:MaxConcurrentRequests"] = "0";

        // Graph tests make the stand-in slow on purpose; a short attempt timeout keeps them quick.
        settings["Graph:RequestTimeout"] = "00:00:03";
        settings["Logging:LogLevel:Total.Grains.Graph"] = "Error";
        return settings;
    }

    private HttpClient? _sharedBackchannel;

    /// <summary>
    /// A back-channel client that lives as long as the fixture: Microsoft.IdentityModel's AadIssuerValidator caches
    /// itself per authority for the whole process together with the HttpClient it was first given, so that client
    /// must not be disposed while the fixture runs.
    /// </summary>
    public HttpClient SharedBackchannel => _sharedBackchannel ??= CreateBackchannelClient();

    /// <summary>A client for the stand-in's HTTPS endpoint that trusts its certificate the way the product does.</summary>
    public HttpClient CreateBackchannelClient() =>
        new(StandIn.CreateBackchannelHandler()) { BaseAddress = StandIn.Instance, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A browser-like client for the stand-in's own HTTPS pages (admin consent is on its instance, as Entra's is on
    /// login.microsoftonline.com) that trusts its certificate, as a developer's browser does once told to, and does not
    /// follow redirects.
    /// </summary>
    public HttpClient CreateStandInBrowserClient()
    {
        var handler = (SocketsHttpHandler)StandIn.CreateBackchannelHandler();
        handler.AllowAutoRedirect = false;
        handler.UseCookies = false;
        return new HttpClient(handler) { BaseAddress = StandIn.Instance, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A browser-like client on the product's HTTP address that does not follow redirects.</summary>
    public HttpClient CreateBrowserClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask InitializeAsync() => _server = await TotalServer.StartApiAsync(ServerSettings(), ConfigureServices);

    /// <summary>What the server starts with; a derived fixture adds its own settings.</summary>
    protected virtual Dictionary<string, string?> ServerSettings() => Settings("Development");

    /// <summary>Runs last before the server's container is built; a derived fixture swaps services (the clock) here.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async ValueTask DisposeAsync()
    {
        _sharedBackchannel?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
