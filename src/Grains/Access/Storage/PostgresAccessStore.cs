using Npgsql;
using Total.Grains.Abstractions.Access;

namespace Total.Grains.Access.Storage;

/// <inheritdoc cref="IAccessStore"/>
public sealed class PostgresAccessStore(NpgsqlDataSource dataSource) : IAccessStore
{
    private const string AccessColumns = "admin, revision, external_id, graph_denied, changed_at";
    private const string EventColumns = "sequence, tenant_id, user_id, user_name, external_id, kind, source, detail, revision, at";

    public async Task<UserAccess?> GetAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {AccessColumns} FROM user_access WHERE tenant_id = $1 AND user_id = $2");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccess(reader, 0) : null;
    }

    public async Task SaveAsync(string tenantId, string userId, UserAccess access, IReadOnlyList<AccessEvent> changes, CancellationToken cancellationToken = default)
    {
        // One round trip: a batch runs in one implicit transaction, so the state and its events commit together.
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            INSERT INTO user_access (tenant_id, user_id, external_id, admin, graph_denied, revision, changed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (tenant_id, user_id) DO UPDATE SET
                external_id = EXCLUDED.external_id, admin = EXCLUDED.admin, graph_denied = EXCLUDED.graph_denied,
                revision = EXCLUDED.revision, changed_at = EXCLUDED.changed_at
            """)
        {
            Parameters =
            {
                new() { Value = tenantId },
                new() { Value = userId },
                new() { Value = (object?)access.ExternalId ?? DBNull.Value },
                new() { Value = access.Admin },
                new() { Value = access.GraphDenied },
                new() { Value = access.Revision },
                new() { Value = (object?)access.ChangedAt ?? DBNull.Value },
            },
        });
        foreach (var change in changes)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                """
                INSERT INTO access_events (tenant_id, user_id, user_name, external_id, kind, source, detail, revision, at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """)
            {
                Parameters =
                {
                    new() { Value = tenantId },
                    new() { Value = userId },
                    new() { Value = (object?)change.UserName ?? DBNull.Value },
                    new() { Value = (object?)change.ExternalId ?? DBNull.Value },
                    new() { Value = (short)change.Kind },
                    new() { Value = (short)change.Source },
                    new() { Value = change.Detail },
                    new() { Value = change.Revision },
                    new() { Value = change.At },
                },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM user_access WHERE tenant_id = $1 AND user_id = $2");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FlaggedUser>> ListFlaggedAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT user_id, {AccessColumns} FROM user_access WHERE tenant_id = $1 AND (admin OR graph_denied)");
        command.Parameters.AddWithValue(tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var flagged = new List<FlaggedUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            flagged.Add(new FlaggedUser(reader.GetString(0), ReadAccess(reader, 1)));
        }

        return flagged;
    }

    public async Task<IReadOnlyList<AccessEvent>> ReadEventsAsync(string tenantId, AccessLogQuery query, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {EventColumns} FROM access_events
            WHERE tenant_id = $1
              AND ($2::bigint IS NULL OR sequence < $2)
              AND ($3::smallint IS NULL OR kind = $3)
              AND ($4::smallint IS NULL OR source = $4)
              AND ($5::text IS NULL OR user_id = $5)
            ORDER BY sequence DESC
            LIMIT $6
            """);
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = query.Before, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<short?> { TypedValue = (short?)query.Kind, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter<short?> { TypedValue = (short?)query.Source, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = query.UserId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(query.Take);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<AccessEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new AccessEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                (AccessEventKind)reader.GetInt16(5),
                (AccessChangeSource)reader.GetInt16(6),
                reader.GetString(7),
                reader.GetInt64(8),
                reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return events;
    }

    public async Task<int> PruneEventsAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM access_events WHERE tenant_id = $1 AND at < $2");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM user_access WHERE tenant_id = $1") { Parameters = { new NpgsqlParameter { Value = tenantId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM access_events WHERE tenant_id = $1") { Parameters = { new NpgsqlParameter { Value = tenantId } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static UserAccess ReadAccess(NpgsqlDataReader reader, int first) => new(
        reader.GetBoolean(first),
        reader.GetInt64(first + 1),
        reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
        reader.GetBoolean(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetFieldValue<DateTimeOffset>(first + 4));
}
