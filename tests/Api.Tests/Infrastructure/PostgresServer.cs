using Npgsql;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one <c>TOTAL_TEST_POSTGRES</c> names (a connection string; <c>.ci/run</c>
/// sets it), else a throwaway server this test run starts on 127.0.0.1 when PostgreSQL 15 is installed and stops
/// when it ends. Each test gets its own empty database. With neither, a local run leaves the tests out and says so
/// once (<see cref="Requirements.Requirement.PostgreSQLServer"/>); under CI=true they FAIL: CI must never pass
/// without them.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "TOTAL_TEST_POSTGRES";

    /// <summary><c>TOTAL_TEST_POSTGRES_DISABLE=1</c>: behave as on a machine without PostgreSQL, to see what a newcomer sees.</summary>
    public const string DisableVariable = "TOTAL_TEST_POSTGRES_DISABLE";

    /// <summary>True when this run has a server to use: <see cref="Variable"/> names one, or one can be started here.</summary>
    public static bool CanBeHad => !Disabled && (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) || OwnPostgres.CanStart);

    /// <summary>True under <see cref="DisableVariable"/>=1.</summary>
    public static bool Disabled => Environment.GetEnvironmentVariable(DisableVariable) == "1";

    private static readonly Lazy<Task<string?>> Server = new(FindOrStartAsync);

    /// <summary>The server's connection string (its <c>postgres</c> database); skips the test when there is none.</summary>
    public static async Task<string> ConnectionStringAsync()
    {
        var server = await Server.Value;
        if (server is null)
        {
            CiRequirement.Missing(
                $"Neither {Variable} nor PostgreSQL 15 is there under CI=true: PostgreSQL tests must run in CI (.ci/run installs it).",
                $"PostgreSQL tests skipped: install PostgreSQL 15 (apt-get install postgresql-15) or set {Variable} to a connection string.");
        }

        return server;
    }

    /// <summary>A new, empty database; dropped when the returned handle is disposed.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = await ConnectionStringAsync();

        var name = "total_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };
        return new TestDatabase(server, name, builder.ConnectionString);
    }

    private static async Task<string?> FindOrStartAsync()
    {
        if (Disabled)
        {
            return null;
        }

        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!OwnPostgres.CanStart)
        {
            return null;
        }

        // One server for the whole run, stopped (and its directory removed) when the test process exits.
        var own = await OwnPostgres.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => own.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return own.ConnectionString;
    }
}

/// <summary>One test's database.</summary>
public sealed class TestDatabase(string serverConnectionString, string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
