using Npgsql;
using Total.Scim.Patch;

namespace Total.Grains.Directory.Storage;

/// <inheritdoc cref="IScimResourceStore"/>
public sealed class PostgresScimResourceStore(NpgsqlDataSource dataSource) : IScimResourceStore
{
    private const string Columns = "tenant_id, resource_type, id, unique_key, external_id, version, body, private_state";
    private const string UniqueViolation = "23505";

    /// <summary>The row's next version, written only over the expected one ($10).</summary>
    private const string UpdateRow = """
        UPDATE scim_resources
           SET unique_key = $4, external_id = $5, version = $6, body = $7, private_state = $8, shard = $9
         WHERE tenant_id = $1 AND resource_type = $2 AND id = $3 AND version = $10
        """;

    /// <summary>
    /// <see cref="UpdateRow"/> with a group's member rows ($11 leave, $12 join), changed only when the row is: one
    /// statement is one transaction, so the members change with the version that says so, and a refused write
    /// changes no member either.
    /// </summary>
    private const string UpdateRowAndMembers = $"""
        WITH updated AS ({UpdateRow} RETURNING 1),
        removed AS (
            DELETE FROM scim_group_members
             WHERE tenant_id = $1 AND group_id = $3 AND member_id = ANY($11) AND EXISTS (SELECT 1 FROM updated)),
        added AS (
            INSERT INTO scim_group_members (tenant_id, group_id, member_id)
            SELECT $1, $3, m FROM unnest($12::text[]) AS m WHERE EXISTS (SELECT 1 FROM updated)
            ON CONFLICT DO NOTHING)
        SELECT count(*) FROM updated
        """;

    public async Task<StoredResource?> GetAsync(string tenantId, ScimResourceType type, string id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM scim_resources WHERE tenant_id = $1 AND resource_type = $2 AND id = $3");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue((short)type);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<StoredResource?> GetByUniqueKeyAsync(string tenantId, ScimResourceType type, string uniqueKey, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM scim_resources WHERE tenant_id = $1 AND unique_key = $2 AND resource_type = $3");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(uniqueKey);
        command.Parameters.AddWithValue((short)type);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<StoreWriteResult> InsertAsync(StoredResource resource, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO scim_resources ({Columns}, shard) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        AddRow(command, resource);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return StoreWriteResult.Written;
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            return exception.ConstraintName == "scim_resources_unique_key" ? StoreWriteResult.UniqueKeyTaken : StoreWriteResult.VersionMismatch;
        }
    }

    public async Task<StoreWriteResult> UpdateAsync(StoredResource resource, long expectedVersion, MemberChange? members = null, CancellationToken cancellationToken = default)
    {
        var withMembers = members is { IsEmpty: false };
        await using var command = dataSource.CreateCommand(withMembers ? UpdateRowAndMembers : UpdateRow);
        AddRow(command, resource);
        command.Parameters.AddWithValue(expectedVersion);
        if (withMembers)
        {
            command.Parameters.AddWithValue(members!.Removed.ToArray());
            command.Parameters.AddWithValue(members.Added.ToArray());
        }

        try
        {
            var updated = withMembers ? (long)(await command.ExecuteScalarAsync(cancellationToken))! : await command.ExecuteNonQueryAsync(cancellationToken);
            return updated == 1 ? StoreWriteResult.Written : StoreWriteResult.VersionMismatch;
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            return StoreWriteResult.UniqueKeyTaken;
        }
    }

    public async Task<bool> DeleteAsync(string tenantId, ScimResourceType type, string id, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        var delete = new NpgsqlBatchCommand("DELETE FROM scim_resources WHERE tenant_id = $1 AND resource_type = $2 AND id = $3");
        delete.Parameters.AddWithValue(tenantId);
        delete.Parameters.AddWithValue((short)type);
        delete.Parameters.AddWithValue(id);
        batch.BatchCommands.Add(delete);
        if (type == ScimResourceType.Group)
        {
            var members = new NpgsqlBatchCommand("DELETE FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2");
            members.Parameters.AddWithValue(tenantId);
            members.Parameters.AddWithValue(id);
            batch.BatchCommands.Add(members);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return delete.RecordsAffected == 1;
    }

    public async Task<IReadOnlyList<StoredResource>> ListShardAsync(string tenantId, ScimResourceType type, int shard, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM scim_resources WHERE tenant_id = $1 AND resource_type = $2 AND shard = $3");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue((short)type);
        command.Parameters.AddWithValue((short)shard);
        var rows = new List<StoredResource>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    public async Task<IReadOnlySet<string>> ExistingIdsAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand("SELECT id FROM scim_resources WHERE tenant_id = $1 AND id = ANY($2)");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    public async Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var table in new[] { "scim_group_members", "scim_resources" })
        {
            var command = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE tenant_id = $1");
            command.Parameters.AddWithValue(tenantId);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddRow(NpgsqlCommand command, StoredResource resource)
    {
        command.Parameters.AddWithValue(resource.TenantId);
        command.Parameters.AddWithValue((short)resource.Type);
        command.Parameters.AddWithValue(resource.Id);
        command.Parameters.AddWithValue(resource.UniqueKey);
        command.Parameters.AddWithValue((object?)resource.ExternalId ?? DBNull.Value);
        command.Parameters.AddWithValue(resource.Version);
        command.Parameters.AddWithValue(resource.Body);
        command.Parameters.AddWithValue((object?)resource.PrivateState ?? DBNull.Value);
        command.Parameters.AddWithValue((short)resource.Shard);
    }

    private static StoredResource Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        (ScimResourceType)reader.GetInt16(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetInt64(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7));
}
