using Npgsql;

namespace Total.Grains.Directory.Storage;

/// <inheritdoc cref="IGroupMemberStore"/>
public sealed class PostgresGroupMemberStore(NpgsqlDataSource dataSource) : IGroupMemberStore
{
    public async Task<IReadOnlyList<string>> AddAsync(string tenantId, string groupId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand("""
            INSERT INTO scim_group_members (tenant_id, group_id, member_id)
            SELECT $1, $2, m FROM unnest($3::text[]) AS m
            ON CONFLICT DO NOTHING
            RETURNING member_id
            """);
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(memberIds.Distinct(StringComparer.Ordinal).ToArray());
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> MembersAmongAsync(string tenantId, string groupId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand("SELECT member_id FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2 AND member_id = ANY($3)");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(memberIds.ToArray());
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string tenantId, string groupId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT member_id FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2 ORDER BY member_id");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(groupId);
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListPageAsync(string tenantId, string groupId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT member_id FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2 ORDER BY member_id OFFSET $3 LIMIT $4");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(Math.Max(skip, 0));
        command.Parameters.AddWithValue(Math.Max(take, 0));
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task<bool> ContainsAsync(string tenantId, string groupId, string memberId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2 AND member_id = $3");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(groupId);
        command.Parameters.AddWithValue(memberId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<long> CountAsync(string tenantId, string groupId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(groupId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<string>> RemoveFromAllGroupsAsync(string tenantId, string memberId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM scim_group_members WHERE tenant_id = $1 AND member_id = $2 RETURNING group_id");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(memberId);
        return await ReadIdsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GroupsOfAsync(string tenantId, string memberId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT group_id FROM scim_group_members WHERE tenant_id = $1 AND member_id = $2 ORDER BY group_id");
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(memberId);
        return await ReadIdsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
