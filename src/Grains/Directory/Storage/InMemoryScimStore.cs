using Total.Scim.Patch;

namespace Total.Grains.Directory.Storage;

/// <summary>
/// <see cref="IScimResourceStore"/> and <see cref="IGroupMemberStore"/> in memory, for embedded mode: the same
/// unique-key and version rules as PostgreSQL, under one lock (each operation holds it for microseconds).
/// </summary>
public sealed class InMemoryScimStore : IScimResourceStore, IGroupMemberStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Tenant, ScimResourceType Type, string Id), StoredResource> _rows = [];
    private readonly Dictionary<(string Tenant, ScimResourceType Type, string Key), string> _uniqueKeys = [];
    private readonly Dictionary<(string Tenant, string Group), HashSet<string>> _members = [];
    private readonly Dictionary<(string Tenant, string Member), HashSet<string>> _groupsOf = [];

    public Task<StoredResource?> GetAsync(string tenantId, ScimResourceType type, string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((tenantId, type, id)));
        }
    }

    public Task<StoredResource?> GetByUniqueKeyAsync(string tenantId, ScimResourceType type, string uniqueKey, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_uniqueKeys.TryGetValue((tenantId, type, uniqueKey), out var id) ? _rows.GetValueOrDefault((tenantId, type, id)) : null);
        }
    }

    public Task<StoreWriteResult> InsertAsync(StoredResource resource, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_rows.ContainsKey((resource.TenantId, resource.Type, resource.Id)))
            {
                return Task.FromResult(StoreWriteResult.VersionMismatch);
            }

            if (!_uniqueKeys.TryAdd((resource.TenantId, resource.Type, resource.UniqueKey), resource.Id))
            {
                return Task.FromResult(StoreWriteResult.UniqueKeyTaken);
            }

            _rows[(resource.TenantId, resource.Type, resource.Id)] = resource;
            return Task.FromResult(StoreWriteResult.Written);
        }
    }

    public Task<StoreWriteResult> UpdateAsync(StoredResource resource, long expectedVersion, MemberChange? members = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (resource.TenantId, resource.Type, resource.Id);
            if (!_rows.TryGetValue(key, out var current) || current.Version != expectedVersion)
            {
                return Task.FromResult(StoreWriteResult.VersionMismatch);
            }

            if (current.UniqueKey != resource.UniqueKey)
            {
                if (!_uniqueKeys.TryAdd((resource.TenantId, resource.Type, resource.UniqueKey), resource.Id))
                {
                    return Task.FromResult(StoreWriteResult.UniqueKeyTaken);
                }

                _uniqueKeys.Remove((current.TenantId, current.Type, current.UniqueKey));
            }

            _rows[key] = resource;
            if (members is not null)
            {
                RemoveLocked(resource.TenantId, resource.Id, members.Removed);
                AddLocked(resource.TenantId, resource.Id, members.Added);
            }

            return Task.FromResult(StoreWriteResult.Written);
        }
    }

    public Task<bool> DeleteAsync(string tenantId, ScimResourceType type, string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_rows.Remove((tenantId, type, id), out var removed))
            {
                return Task.FromResult(false);
            }

            _uniqueKeys.Remove((tenantId, type, removed.UniqueKey));
            if (type == ScimResourceType.Group)
            {
                RemoveAllLocked(tenantId, id);
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<StoredResource>> ListShardAsync(string tenantId, ScimResourceType type, int shard, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredResource> rows = _rows.Values.Where(r => r.TenantId == tenantId && r.Type == type && r.Shard == shard).ToList();
            return Task.FromResult(rows);
        }
    }

    public Task<IReadOnlySet<string>> ExistingIdsAsync(string tenantId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlySet<string> found = ids
                .Where(id => _rows.ContainsKey((tenantId, ScimResourceType.User, id)) || _rows.ContainsKey((tenantId, ScimResourceType.Group, id)))
                .ToHashSet(StringComparer.Ordinal);
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<string>> RemoveFromAllGroupsAsync(string tenantId, string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_groupsOf.Remove((tenantId, memberId), out var groups))
            {
                return Task.FromResult<IReadOnlyList<string>>([]);
            }

            foreach (var group in groups)
            {
                Members(tenantId, group).Remove(memberId);
            }

            return Task.FromResult<IReadOnlyList<string>>(groups.Order(StringComparer.Ordinal).ToList());
        }
    }

    public Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var key in _rows.Keys.Where(k => k.Tenant == tenantId).ToList())
            {
                _rows.Remove(key);
            }

            foreach (var key in _uniqueKeys.Keys.Where(k => k.Tenant == tenantId).ToList())
            {
                _uniqueKeys.Remove(key);
            }

            foreach (var key in _members.Keys.Where(k => k.Tenant == tenantId).ToList())
            {
                _members.Remove(key);
            }

            foreach (var key in _groupsOf.Keys.Where(k => k.Tenant == tenantId).ToList())
            {
                _groupsOf.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> AddAsync(string tenantId, string groupId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>(AddLocked(tenantId, groupId, memberIds));
        }
    }

    public Task<IReadOnlyList<string>> MembersAmongAsync(string tenantId, string groupId, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var members = Members(tenantId, groupId);
            IReadOnlyList<string> among = memberIds.Where(members.Contains).ToList();
            return Task.FromResult(among);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(string tenantId, string groupId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<string> members = Members(tenantId, groupId).Order(StringComparer.Ordinal).ToList();
            return Task.FromResult(members);
        }
    }

    public Task<IReadOnlyList<string>> ListPageAsync(string tenantId, string groupId, int skip, int take, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<string> page = Members(tenantId, groupId).Order(StringComparer.Ordinal).Skip(Math.Max(skip, 0)).Take(Math.Max(take, 0)).ToList();
            return Task.FromResult(page);
        }
    }

    public Task<bool> ContainsAsync(string tenantId, string groupId, string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Members(tenantId, groupId).Contains(memberId));
        }
    }

    public Task<long> CountAsync(string tenantId, string groupId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult((long)Members(tenantId, groupId).Count);
        }
    }

    public Task<IReadOnlyList<string>> GroupsOfAsync(string tenantId, string memberId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<string> groups = GroupsOf(tenantId, memberId).Order(StringComparer.Ordinal).ToList();
            return Task.FromResult(groups);
        }
    }

    private List<string> AddLocked(string tenantId, string groupId, IEnumerable<string> memberIds)
    {
        var members = Members(tenantId, groupId);
        var added = memberIds.Where(members.Add).ToList();
        foreach (var member in added)
        {
            GroupsOf(tenantId, member).Add(groupId);
        }

        return added;
    }

    private void RemoveLocked(string tenantId, string groupId, IEnumerable<string> memberIds)
    {
        var members = Members(tenantId, groupId);
        foreach (var member in memberIds.Where(members.Remove))
        {
            GroupsOf(tenantId, member).Remove(groupId);
        }
    }

    private List<string> RemoveAllLocked(string tenantId, string groupId)
    {
        if (!_members.Remove((tenantId, groupId), out var members))
        {
            return [];
        }

        foreach (var member in members)
        {
            GroupsOf(tenantId, member).Remove(groupId);
        }

        return members.Order(StringComparer.Ordinal).ToList();
    }

    private HashSet<string> Members(string tenantId, string groupId) =>
        _members.TryGetValue((tenantId, groupId), out var set) ? set : _members[(tenantId, groupId)] = new HashSet<string>(StringComparer.Ordinal);

    private HashSet<string> GroupsOf(string tenantId, string memberId) =>
        _groupsOf.TryGetValue((tenantId, memberId), out var set) ? set : _groupsOf[(tenantId, memberId)] = new HashSet<string>(StringComparer.Ordinal);
}
