using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;
using Total.Hosting.Database;

namespace Total.Api.Tests.Modes;

/// <summary>Versioned, idempotent schema migrations: safe to run twice, and from two servers at once.</summary>
public sealed class MigrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    [Needs(Requirement.PostgreSQL)]
    public async Task Fresh_database_gets_every_migration_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);

        var applied = await migrator.MigrateAsync(database.ConnectionString, Cancel);

        Assert.Equal(SchemaMigrator.Shipped.Select(m => m.Version), applied);
        Assert.Equal(SchemaMigrator.Shipped.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM orleansquery") >= 20, "the Orleans providers read their queries from orleansquery");
    }

    [Fact]
    [Needs(Requirement.PostgreSQL)]
    public async Task Second_run_applies_nothing()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(database.ConnectionString, Cancel);

        var applied = await migrator.MigrateAsync(database.ConnectionString, Cancel);

        Assert.Empty(applied);
    }

    [Fact]
    [Needs(Requirement.PostgreSQL)]
    public async Task Concurrent_runs_apply_each_migration_exactly_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(database.ConnectionString, Cancel)));

        Assert.Equal(SchemaMigrator.Shipped.Count, runs.Sum(r => r.Count));
        Assert.Equal(SchemaMigrator.Shipped.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    [Needs(Requirement.PostgreSQL)]
    public async Task Edited_applied_migration_is_refused()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(database.ConnectionString, Cancel);
        await database.ScalarAsync<int>("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(database.ConnectionString, Cancel));

        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Needs(Requirement.PostgreSQL)]
    public async Task Database_migrated_by_a_newer_build_is_used_with_a_warning_naming_the_unknown_versions()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(database.ConnectionString, Cancel);
        await database.ScalarAsync<int>("INSERT INTO schema_version (version, name, checksum) VALUES (9001, '9001_from_a_newer_build.sql', 'x')");
        var logger = new FakeLogger<SchemaMigrator>();

        var applied = await new SchemaMigrator(logger).MigrateAsync(database.ConnectionString, Cancel);

        Assert.Empty(applied);
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("(9001)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Needs(Requirement.PostgreSQL)]
    public async Task Migrate_command_applies_migrations_and_exits_zero()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Total"] = database.ConnectionString })
            .Build();

        var exitCode = await SchemaMigrationHosting.RunMigrateCommandAsync(["migrate"], configuration, NullLoggerFactory.Instance);

        Assert.Equal(0, exitCode);
        Assert.Equal(SchemaMigrator.Shipped.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task Migrate_command_without_connection_string_fails_with_exit_code_2()
    {
        var exitCode = await SchemaMigrationHosting.RunMigrateCommandAsync(["migrate"], new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    [Needs(Requirement.PostgreSQL)]
    public async Task Two_servers_starting_at_once_on_an_empty_database_both_serve()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();

        var servers = await Task.WhenAll(
            TotalServer.StartApiAsync(TestSettings.ForServer(database.ConnectionString)),
            TotalServer.StartSiloAsync(TestSettings.ForServer(database.ConnectionString)));
        try
        {
            foreach (var server in servers)
            {
                using var client = server.CreateClient();
                Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz", Cancel)).StatusCode);
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }

        Assert.Equal(SchemaMigrator.Shipped.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_version"));
    }
}
