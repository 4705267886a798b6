using Total.Grains.Abstractions.Access;

namespace Total.Grains.Access.Storage;

/// <summary>
/// Users' stored admin access and the tenant's access log. PostgreSQL in single-node and cluster modes,
/// memory in embedded mode.
/// </summary>
public interface IAccessStore
{
    Task<UserAccess?> GetAsync(string tenantId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Stores a user's access and the events recording how admin access changed: all or nothing.</summary>
    Task SaveAsync(string tenantId, string userId, UserAccess access, IReadOnlyList<AccessEvent> changes, CancellationToken cancellationToken = default);

    /// <summary>Forgets a user's access (the user is gone and holds none); the log keeps its events.</summary>
    Task DeleteAsync(string tenantId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Users stored as admin or Graph-denied: what reconciliation re-checks.</summary>
    Task<IReadOnlyList<FlaggedUser>> ListFlaggedAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>A page of the access log, newest first.</summary>
    Task<IReadOnlyList<AccessEvent>> ReadEventsAsync(string tenantId, AccessLogQuery query, CancellationToken cancellationToken = default);

    /// <summary>Drops log events older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PruneEventsAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Removes everything of a tenant (offboarding).</summary>
    Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken = default);
}

/// <summary>A user whose stored access reconciliation must re-check.</summary>
public sealed record FlaggedUser(string UserId, UserAccess Access);
