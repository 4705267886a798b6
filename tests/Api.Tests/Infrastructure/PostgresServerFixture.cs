namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// Class fixture base: one single-node server on its own fresh PostgreSQL database, with the settings a subclass
/// gives. Without PostgreSQL, see <see cref="PostgresDatabaseFixture"/>.
/// </summary>
public abstract class PostgresServerFixture : PostgresDatabaseFixture
{
    private TotalServer? _server;

    public TotalServer Server
    {
        get
        {
            SkipWithoutPostgres();
            return _server ?? throw new InvalidOperationException("not started");
        }
    }

    /// <summary>The server's settings on the fixture's database.</summary>
    protected abstract Dictionary<string, string?> Settings(string connectionString);

    protected override async Task StartAsync(TestDatabase database) =>
        _server = await TotalServer.StartApiAsync(Settings(database.ConnectionString));

    protected override async ValueTask StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
