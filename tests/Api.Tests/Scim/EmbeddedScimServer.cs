using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>Class fixture: one embedded-mode server (in-memory storage) with <see cref="ScimSuiteSettings"/>.</summary>
public sealed class EmbeddedScimServer : IAsyncLifetime
{
    private TotalServer? _server;

    public TotalServer Server => _server ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _server = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer());

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
