using Npgsql;
using Total.Grains.Abstractions.Tenants;

namespace Total.Grains.Tenants.Storage;

/// <inheritdoc cref="ITenantCatalog"/>
public sealed class PostgresTenantCatalog(NpgsqlDataSource dataSource) : ITenantCatalog
{
    public async Task UpsertAsync(TenantSummary tenant, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO tenant_directory (tenant_id, name, entra_tenant_id, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, entra_tenant_id = EXCLUDED.entra_tenant_id, created_at = EXCLUDED.created_at
            """);
        command.Parameters.AddWithValue(tenant.TenantId);
        command.Parameters.AddWithValue(tenant.Name);
        command.Parameters.AddWithValue(tenant.EntraTenantId);
        command.Parameters.AddWithValue(tenant.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM tenant_directory WHERE tenant_id = $1");
        command.Parameters.AddWithValue(tenantId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TenantSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT tenant_id, name, entra_tenant_id, created_at FROM tenant_directory");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<TenantSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(new TenantSummary(reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return tenants;
    }
}
