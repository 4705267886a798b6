using Total.Scim.Patch;

namespace Total.Grains.Directory.Storage;

/// <summary>
/// Durable rows of SCIM users and groups. PostgreSQL in single-node and cluster modes, memory in embedded
/// mode; both enforce the per-tenant unique key and the version check the same way.
/// </summary>
public interface IScimResourceStore
{
    Task<StoredResource?> GetAsync(string tenantId, ScimResourceType type, string id, CancellationToken cancellationToken = default);

    /// <summary>The resource that holds a unique key (lower-cased userName or displayName) in the tenant, if any.</summary>
    Task<StoredResource?> GetByUniqueKeyAsync(string tenantId, ScimResourceType type, string uniqueKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new resource (version as given).</summary>
    Task<StoreWriteResult> InsertAsync(StoredResource resource, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a resource if its stored version is <paramref name="expectedVersion"/>, and for a group applies
    /// <paramref name="members"/> to its member rows in the same transaction: both are written, or neither.
    /// </summary>
    Task<StoreWriteResult> UpdateAsync(StoredResource resource, long expectedVersion, MemberChange? members = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a resource (and, for a group, its member rows). False when it was not there.</summary>
    Task<bool> DeleteAsync(string tenantId, ScimResourceType type, string id, CancellationToken cancellationToken = default);

    /// <summary>Every resource of one directory shard, for a shard grain's activation.</summary>
    Task<IReadOnlyList<StoredResource>> ListShardAsync(string tenantId, ScimResourceType type, int shard, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="ids"/> are users or groups of the tenant (group members must be).</summary>
    Task<IReadOnlySet<string>> ExistingIdsAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Removes everything of a tenant (offboarding).</summary>
    Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken = default);
}
