using Total.Api.Tests.Infrastructure;
using Xunit.Sdk;

namespace Total.Api.Tests.Scim;

/// <summary>
/// Class fixture: one single-node server on its own fresh PostgreSQL database, with <see cref="ScimSuiteSettings"/>.
/// Without <c>TOTAL_TEST_POSTGRES</c> (and outside CI) every test that asks for the server skips.
/// </summary>
public sealed class SingleNodeScimServer : IAsyncLifetime
{
    private TestDatabase? _database;
    private TotalServer? _server;
    private string? _skipReason;

    public TotalServer Server
    {
        get
        {
            if (_skipReason is not null)
            {
                Assert.Skip(_skipReason);
            }

            return _server ?? throw new InvalidOperationException("not started");
        }
    }

    public async ValueTask InitializeAsync()
    {
        try
        {
            _database = await PostgresServer.CreateDatabaseAsync();
        }
        catch (SkipException skip)
        {
            // A class fixture cannot skip; remember why, and skip each test that asks for the server.
            _skipReason = skip.Message;
            return;
        }

        _server = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer(_database.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
