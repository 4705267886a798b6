using Npgsql;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>TOTAL_TEST_POSTGRES</c> is a connection string to it (set by
/// <c>.ci/run</c>, which starts a throwaway server on 127.0.0.1). Each test gets its own empty database.
/// Without the variable the tests skip locally and FAIL under CI=true: CI must never pass by skipping them.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "TOTAL_TEST_POSTGRES";

    /// <summary>A new, empty database; dropped when the returned handle is disposed.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            CiRequirement.Missing(
                $"{Variable} is not set under CI=true: PostgreSQL tests must run in CI. .ci/run starts PostgreSQL and sets it.",
                $"{Variable} is not set; run .ci/run (or set it to a PostgreSQL connection string) to run PostgreSQL tests.");
        }

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
