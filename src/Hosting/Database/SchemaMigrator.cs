using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Total.Hosting.Database;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build needs: the tables and queries of the Orleans
/// ADO.NET providers and our own tables. Migrations are the SQL files under <c>deploy/postgres/migrations</c>
/// (embedded in this assembly), applied in version order, each once, each in its own transaction, and
/// recorded in <c>schema_version</c>. A session-level advisory lock makes concurrent starts safe: the second
/// server waits, then finds nothing left to do.
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    // Any constant works; it only has to be the same for every server of this product.
    private const long AdvisoryLockKey = 0x746F74616C5F6D67; // "total_mg"

    /// <summary>The migrations shipped in this build, in the order they apply.</summary>
    public static IReadOnlyList<Migration> Shipped { get; } = LoadShipped();

    /// <summary>Applies what is missing; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            WarnAboutUnknownVersions(applied.Keys);
            var newlyApplied = new List<int>();
            foreach (var migration in Shipped)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Name} was changed after it was applied to this database (checksum {checksum} in schema_version, {migration.Checksum} in this build). Ship a new migration instead of editing an applied one.");
                    }

                    continue;
                }

                await ApplyAsync(connection, migration, cancellationToken);
                newlyApplied.Add(migration.Version);
            }

            if (newlyApplied.Count == 0)
            {
                logger.LogInformation("Database schema is up to date at version {Version}", Shipped.Count == 0 ? 0 : Shipped[^1].Version);
            }

            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>
    /// Versions in the database that this build does not ship: an older build started after a newer one migrated
    /// (a rolling upgrade, or a rollback). It can run, because migrations only ever add (deploy/README.md), but
    /// operators should know the schema is ahead of the code.
    /// </summary>
    private void WarnAboutUnknownVersions(IEnumerable<int> appliedVersions)
    {
        var shipped = Shipped.Select(m => m.Version).ToHashSet();
        var unknown = appliedVersions.Where(v => !shipped.Contains(v)).Order().ToList();
        if (unknown.Count > 0)
        {
            logger.LogWarning(
                "The database has migrations this build does not ship ({UnknownVersions}); it was migrated by a newer build. Running on it is supported while rolling out or back, since migrations only add; deploy the newer build to finish",
                string.Join(", ", unknown));
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.AddWithValue(migration.Version);
            record.Parameters.AddWithValue(migration.Name);
            record.Parameters.AddWithValue(migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied database migration {Migration}", migration.Name);
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadShipped()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)))
        {
            var name = resource["migrations/".Length..];
            var versionText = name.Split('_', 2)[0];
            if (!int.TryParse(versionText, out var version))
            {
                throw new InvalidOperationException($"Migration file {name} must start with its version number, e.g. 0005_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n")))).ToLowerInvariant();
            migrations.Add(new Migration(version, name, sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {migrations[i].Version}: {migrations[i - 1].Name} and {migrations[i].Name}.");
            }
        }

        return migrations;
    }
}

/// <summary>One versioned SQL migration.</summary>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
