using Xunit.Sdk;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// Class fixture base: a fresh PostgreSQL database and what a subclass starts on it. Test classes using it carry
/// <c>[Needs(Requirement.PostgreSQL)]</c>, so without PostgreSQL a local run leaves them out; should one not, each of
/// its tests that asks for the database skips (and fails under CI).
/// </summary>
public abstract class PostgresDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private string? _skipReason;

    public TestDatabase Database
    {
        get
        {
            SkipWithoutPostgres();
            return _database ?? throw new InvalidOperationException("not started");
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
            // A class fixture cannot skip; remember why, and skip each test that asks for the database.
            _skipReason = skip.Message;
            return;
        }

        await StartAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Skips the calling test when there is no PostgreSQL to run it on.</summary>
    protected void SkipWithoutPostgres()
    {
        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }
    }

    /// <summary>Starts what the tests use on the new database.</summary>
    protected abstract Task StartAsync(TestDatabase database);

    /// <summary>Stops what <see cref="StartAsync"/> started (if it did), before the database is dropped.</summary>
    protected abstract ValueTask StopAsync();
}
