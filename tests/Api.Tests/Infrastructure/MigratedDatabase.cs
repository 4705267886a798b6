using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Total.Hosting.Database;

namespace Total.Api.Tests.Infrastructure;

/// <summary>Class fixture: one fresh database with every migration applied, for tests of the PostgreSQL stores themselves.</summary>
public sealed class MigratedDatabase : PostgresDatabaseFixture
{
    private NpgsqlDataSource? _dataSource;

    public NpgsqlDataSource DataSource
    {
        get
        {
            SkipWithoutPostgres();
            return _dataSource ?? throw new InvalidOperationException("not started");
        }
    }

    protected override async Task StartAsync(TestDatabase database)
    {
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    protected override async ValueTask StopAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
