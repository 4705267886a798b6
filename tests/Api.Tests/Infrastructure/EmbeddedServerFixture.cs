namespace Total.Api.Tests.Infrastructure;

/// <summary>One embedded-mode server shared by a test class (starting a silo costs seconds).</summary>
public sealed class EmbeddedServerFixture : IAsyncLifetime
{
    private TotalServer? _server;

    public TotalServer Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        // As deployed (ASPNETCORE_FORWARDEDHEADERS_ENABLED): a request through the ingress says it came over https.
        var settings = TestSettings.ForServer();
        settings["FORWARDEDHEADERS_ENABLED"] = "true";
        _server = await TotalServer.StartApiAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
