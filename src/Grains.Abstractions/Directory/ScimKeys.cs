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

    public static string Shard(string tenantId, string resourceType, int shard) => $"{tenantId}/{resourceType}/{shard}";

    public static string Query(string tenantId, string resourceType) => $"{tenantId}/{resourceType}";
}
