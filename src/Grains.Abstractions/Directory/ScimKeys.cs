using Total.Scim.Schema;

namespace Total.Grains.Abstractions.Directory;

/// <summary>Grain keys of tenant-scoped SCIM grains: every key starts with the tenant, so no id crosses tenants.</summary>
public static class ScimKeys
{
    public static string Resource(string tenantId, string id) => $"{tenantId}/{id}";

    public static (string TenantId, string Id) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }

    public static string Shard(string tenantId, ScimResourceSchema type, int shard) => $"{tenantId}/{type.Name}/{shard}";

    public static string Query(string tenantId, ScimResourceSchema type) => $"{tenantId}/{type.Name}";

    /// <summary>The tenant, resource type and shard number of a <see cref="Shard"/> key.</summary>
    public static (string TenantId, ScimResourceSchema Type, int Shard) ParseShard(string key)
    {
        var parts = key.Split('/');
        return (parts[0], ScimResourceSchema.Named(parts[1]), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The tenant and resource type of a <see cref="Query"/> key.</summary>
    public static (string TenantId, ScimResourceSchema Type) ParseQuery(string key)
    {
        var (tenantId, type) = Parse(key);
        return (tenantId, ScimResourceSchema.Named(type));
    }
}
