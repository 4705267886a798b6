using Total.Grains.Abstractions.Access;

namespace Total.Grains.Access.Storage;

/// <inheritdoc cref="IAccessStore"/>
/// <remarks>Embedded mode: under one lock; the log keeps at most <see cref="MaxEventsPerTenant"/> events per tenant.</remarks>
public sealed class InMemoryAccessStore : IAccessStore
{
    public const int MaxEventsPerTenant = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Tenant, string User), UserAccess> _access = [];
    private readonly Dictionary<string, List<AccessEvent>> _events = [];
    private long _sequence;

    public Task<UserAccess?> GetAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_access.TryGetValue((tenantId, userId), out var access) ? access : null);
        }
    }

    public Task SaveAsync(string tenantId, string userId, UserAccess access, IReadOnlyList<AccessEvent> changes, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _access[(tenantId, userId)] = access;
            if (changes.Count == 0)
            {
                return Task.CompletedTask;
            }

            if (!_events.TryGetValue(tenantId, out var log))
            {
                _events[tenantId] = log = [];
            }

            log.AddRange(changes.Select(change => change with { Sequence = ++_sequence }));
            if (log.Count > MaxEventsPerTenant)
            {
                log.RemoveRange(0, log.Count - MaxEventsPerTenant);
            }

            return Task.CompletedTask;
        }
    }

    public Task DeleteAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _access.Remove((tenantId, userId));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<FlaggedUser>> ListFlaggedAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<FlaggedUser> flagged = _access
                .Where(pair => pair.Key.Tenant == tenantId && (pair.Value.Admin || pair.Value.GraphDenied))
                .Select(pair => new FlaggedUser(pair.Key.User, pair.Value))
                .ToList();
            return Task.FromResult(flagged);
        }
    }

    public Task<IReadOnlyList<AccessEvent>> ReadEventsAsync(string tenantId, AccessLogQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<AccessEvent> page = !_events.TryGetValue(tenantId, out var log)
                ? []
                : Enumerable.Reverse(log)
                    .Where(e => query.Before is null || e.Sequence < query.Before)
                    .Where(e => query.Kind is null || e.Kind == query.Kind)
                    .Where(e => query.Source is null || e.Source == query.Source)
                    .Where(e => query.UserId is null || e.UserId == query.UserId)
                    .Take(query.Take)
                    .ToList();
            return Task.FromResult(page);
        }
    }

    public Task<int> PruneEventsAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_events.TryGetValue(tenantId, out var log) ? log.RemoveAll(e => e.At < cutoff) : 0);
        }
    }

    public Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _events.Remove(tenantId);
            foreach (var key in _access.Keys.Where(k => k.Tenant == tenantId).ToList())
            {
                _access.Remove(key);
            }

            return Task.CompletedTask;
        }
    }
}
