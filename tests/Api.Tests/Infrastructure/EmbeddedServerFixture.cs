namespace Total.Api.Tests.Infrastructure;

/// <summary>One embedded-mode server shared by a test class (starting a silo costs seconds).</summary>
public sealed class EmbeddedServerFixture : IAsyncLifetime
{
    private TotalServer? _server;

    public TotalServer Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _server = await TotalServer.StartApiAsync(TestSettings.ForServer());

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
