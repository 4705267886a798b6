using Npgsql;

namespace Total.Api.Tests.Drills;

/// <summary>What PostgreSQL holds for a tenant's users: the truth a drill checks acknowledged writes against.</summary>
public static class StoredUsers
{
    /// <summary>userName (lower-cased) → SCIM ids stored under it (more than one would be a duplicate).</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAsync(string connectionString, string tenantId)
    {
        // A connection of its own: pooled ones may predate a drill's database restart.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT unique_key, id FROM scim_resources WHERE tenant_id = $1 AND resource_type = 1", connection);
        command.Parameters.AddWithValue(tenantId);
        await using var reader = await command.ExecuteReaderAsync();
        var users = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(0);
            if (!users.TryGetValue(key, out var ids))
            {
                users[key] = ids = [];
            }

            ids.Add(reader.GetString(1));
        }

        return users;
    }

    /// <summary>Every acknowledged write is stored with the id that was acknowledged, and no userName is stored twice.</summary>
    public static async Task AssertNothingLostOrDuplicatedAsync(string connectionString, string tenantId, ScimWriteLoad load)
    {
        var stored = await ReadAsync(connectionString, tenantId);
        Assert.All(load.Acknowledged, ack => Assert.Equal([ack.Value], stored.GetValueOrDefault(ack.Key.ToLowerInvariant())));
        Assert.All(stored, entry => Assert.Single(entry.Value));
    }
}
