using Xunit.Sdk;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// Class fixture base: one single-node server on its own fresh PostgreSQL database, with the settings a subclass
/// gives. Without <c>TOTAL_TEST_POSTGRES</c> (and outside CI) every test that asks for the server skips.
/// </summary>
public abstract class PostgresServerFixture : IAsyncLifetime
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

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not started");

    /// <summary>The server's settings on the fixture's database.</summary>
    protected abstract Dictionary<string, string?> Settings(string connectionString);

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

        _server = await TotalServer.StartApiAsync(Settings(_database.ConnectionString));
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

        GC.SuppressFinalize(this);
    }
}
