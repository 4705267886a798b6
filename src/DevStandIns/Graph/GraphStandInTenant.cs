using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Total.DevStandIns.Graph;

/// <summary>
/// One Entra tenant's directory as the Graph stand-in serves it: groups with their direct members (object ids),
/// every change since they were created (numbered, so delta tokens can ask for "what changed after N"), the
/// delta rounds in progress, and the test knobs and request counters of this tenant. Tests change it in
/// process; the bench through the control API.
/// </summary>
public sealed class GraphStandInTenant
{
    /// <summary>Older changes are dropped beyond this; tokens from before the oldest kept change are then expired.</summary>
    private const int MaxTrackedChanges = 200_000;

    /// <summary>Unfinished rounds kept at most; the oldest is forgotten first (its skip token then fails like an expired one).</summary>
    private const int MaxRounds = 1_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SortedDictionary<string, StandInGroup> _groups = new(StringComparer.Ordinal);
    private readonly List<GroupChange> _changes = [];
    private readonly Dictionary<string, DeltaRound> _rounds = new(StringComparer.Ordinal);
    private long _version;
    private long _oldestTrackedVersion;
    // Random start: tokens of a reset tenant (a new instance) must not pass for this one's.
    private long _epoch = Random.Shared.NextInt64();
    private DeltaExpiry _expiredAnswer = DeltaExpiry.SyncStateNotFound;

    internal GraphStandInTenant(Guid entraTenantId, TimeProvider time)
    {
        EntraTenantId = entraTenantId;
        _time = time;
    }

    public Guid EntraTenantId { get; }

    public GraphStandInKnobs Knobs { get; } = new();

    public GraphRequestCounters Counters { get; } = new();

    /// <summary>Creates the group, or replaces its name and members (recording what changed for the next delta round).</summary>
    /// <exception cref="ArgumentException">An id is not a directory object id (GUID).</exception>
    public void PutGroup(string groupId, string displayName, IEnumerable<string> memberIds)
    {
        var id = GraphObjectIds.Normalize(groupId, nameof(groupId));
        var members = memberIds.Select(member => GraphObjectIds.Normalize(member, nameof(memberIds))).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group))
            {
                group = new StandInGroup(id, displayName);
                group.Members.UnionWith(members);
                _groups[id] = group;
                Record(id, GroupChangeKind.Created);
                return;
            }

            if (!string.Equals(group.DisplayName, displayName, StringComparison.Ordinal))
            {
                group.DisplayName = displayName;
                Record(id, GroupChangeKind.Renamed);
            }

            ChangeMembersLocked(group, members.Except(group.Members).ToList(), group.Members.Except(members).ToList());
        }
    }

    /// <summary>Adds and removes members; false when the group does not exist.</summary>
    public bool ChangeMembers(string groupId, IEnumerable<string> add, IEnumerable<string> remove)
    {
        var id = GraphObjectIds.Normalize(groupId, nameof(groupId));
        var added = add.Select(member => GraphObjectIds.Normalize(member, nameof(add))).ToList();
        var removed = remove.Select(member => GraphObjectIds.Normalize(member, nameof(remove))).ToList();
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group))
            {
                return false;
            }

            ChangeMembersLocked(group, added, removed);
            return true;
        }
    }

    /// <summary>
    /// Deletes the group; the next delta round reports it with <c>@removed</c> and <paramref name="reason"/>
    /// (<c>deleted</c>: gone for good, as security groups are; <c>changed</c>: soft-deleted, restorable).
    /// False when it did not exist.
    /// </summary>
    public bool DeleteGroup(string groupId, string reason = "deleted")
    {
        if (reason is not ("deleted" or "changed"))
        {
            throw new ArgumentException("A group is removed for reason 'deleted' or 'changed'.", nameof(reason));
        }

        var id = GraphObjectIds.Normalize(groupId, nameof(groupId));
        lock (_gate)
        {
            if (!_groups.Remove(id))
            {
                return false;
            }

            Record(id, GroupChangeKind.Deleted, removalReason: reason);
            return true;
        }
    }

    /// <summary>The group's members now, sorted; null when the group does not exist.</summary>
    public IReadOnlyList<string>? MembersOf(string groupId)
    {
        if (!GraphObjectIds.TryNormalize(groupId, out var id))
        {
            return null;
        }

        lock (_gate)
        {
            return _groups.TryGetValue(id, out var group) ? group.Members.ToList() : null;
        }
    }

    /// <summary>Every delta token issued so far is refused from now on, with <paramref name="answer"/>.</summary>
    public void ExpireDeltaTokens(DeltaExpiry answer = DeltaExpiry.SyncStateNotFound)
    {
        lock (_gate)
        {
            _epoch++;
            _expiredAnswer = answer;
            _rounds.Clear();
        }
    }

    /// <summary>The groups, sorted by id, with their names.</summary>
    internal IReadOnlyList<(string Id, string DisplayName)> Groups()
    {
        lock (_gate)
        {
            return _groups.Values.Select(group => (group.Id, group.DisplayName)).ToList();
        }
    }

    /// <summary>A delta link for "from now on", without data (<c>$deltatoken=latest</c>).</summary>
    internal DeltaCursor Latest(DeltaQuery query)
    {
        lock (_gate)
        {
            return Cursor(query);
        }
    }

    /// <summary>Null when the token is honoured; otherwise how to refuse it.</summary>
    internal DeltaExpiry? Refusal(DeltaCursor? cursor)
    {
        lock (_gate)
        {
            if (cursor is null || cursor.TenantId != EntraTenantId || cursor.Version > _version)
            {
                return DeltaExpiry.SyncStateNotFound;
            }

            if (cursor.Epoch != _epoch)
            {
                return _expiredAnswer;
            }

            return cursor.Version < _oldestTrackedVersion || _time.GetUtcNow() - cursor.IssuedAt > DeltaCursor.Lifetime
                ? DeltaExpiry.SyncStateNotFound
                : null;
        }
    }

    /// <summary>The first round of a query: every covered group that exists now, with all its members.</summary>
    internal DeltaRound StartInitialRound(DeltaQuery query, int pageSize)
    {
        lock (_gate)
        {
            var entries = _groups.Values.Where(group => query.Covers(group.Id)).Select(group => FullEntry(group, query)).ToList();
            return StartRound(entries, query, pageSize);
        }
    }

    /// <summary>A later round: what changed after the cursor's version (call <see cref="Refusal"/> first).</summary>
    internal DeltaRound StartChangesRound(DeltaCursor cursor, int pageSize)
    {
        lock (_gate)
        {
            var query = cursor.Query;
            var touched = new SortedDictionary<string, GroupTouch>(StringComparer.Ordinal);
            for (var index = FirstChangeAfter(cursor.Version); index < _changes.Count; index++)
            {
                var change = _changes[index];
                if (query.Covers(change.GroupId))
                {
                    if (!touched.TryGetValue(change.GroupId, out var touch))
                    {
                        touched[change.GroupId] = touch = new GroupTouch();
                    }

                    touch.Apply(change);
                }
            }

            var entries = new List<DeltaEntry>();
            foreach (var (groupId, touch) in touched)
            {
                if (!_groups.TryGetValue(groupId, out var group))
                {
                    if (touch.RemovalReason is { } reason)
                    {
                        entries.Add(new DeltaEntry(groupId, null, null, reason));
                    }
                }
                else if (touch.Recreated)
                {
                    entries.Add(FullEntry(group, query));
                }
                else
                {
                    var members = query.SelectsMembers && touch.Members.Count > 0
                        ? touch.Members.Select(member => new DeltaMember(member.Key, !member.Value)).ToList()
                        : null;
                    entries.Add(new DeltaEntry(groupId, query.SelectsDisplayName ? group.DisplayName : null, members, null));
                }
            }

            return StartRound(entries, query, pageSize);
        }
    }

    /// <summary>The round a skip token names, while it is remembered.</summary>
    internal DeltaRound? FindRound(string roundId)
    {
        lock (_gate)
        {
            return _rounds.TryGetValue(roundId, out var round) ? round : null;
        }
    }

    private static DeltaEntry FullEntry(StandInGroup group, DeltaQuery query) => new(
        group.Id,
        query.SelectsDisplayName ? group.DisplayName : null,
        query.SelectsMembers ? group.Members.Select(member => new DeltaMember(member, false)).ToList() : null,
        null);

    private DeltaRound StartRound(List<DeltaEntry> entries, DeltaQuery query, int pageSize)
    {
        var now = _time.GetUtcNow();
        foreach (var (id, old) in _rounds)
        {
            if (now - old.StartedAt > DeltaRound.Lifetime)
            {
                _rounds.Remove(id);
            }
        }

        if (_rounds.Count >= MaxRounds)
        {
            _rounds.Remove(_rounds.Values.MinBy(old => old.StartedAt)!.Id);
        }

        var round = new DeltaRound(WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12)), DeltaPages.Split(entries, pageSize), Cursor(query), now);
        _rounds[round.Id] = round;
        return round;
    }

    private DeltaCursor Cursor(DeltaQuery query) => new(EntraTenantId, _epoch, _version, query, _time.GetUtcNow());

    private void ChangeMembersLocked(StandInGroup group, IReadOnlyList<string> add, IReadOnlyList<string> remove)
    {
        foreach (var member in add)
        {
            if (group.Members.Add(member))
            {
                Record(group.Id, GroupChangeKind.MemberAdded, member);
            }
        }

        foreach (var member in remove)
        {
            if (group.Members.Remove(member))
            {
                Record(group.Id, GroupChangeKind.MemberRemoved, member);
            }
        }
    }

    private void Record(string groupId, GroupChangeKind kind, string? memberId = null, string? removalReason = null)
    {
        _changes.Add(new GroupChange(++_version, groupId, kind, memberId, removalReason));
        if (_changes.Count > MaxTrackedChanges)
        {
            var dropped = _changes.Count / 4;
            _oldestTrackedVersion = _changes[dropped - 1].Version;
            _changes.RemoveRange(0, dropped);
        }
    }

    /// <summary>The index of the first change numbered above <paramref name="version"/> (changes are in version order).</summary>
    private int FirstChangeAfter(long version)
    {
        int low = 0, high = _changes.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_changes[middle].Version <= version)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>What happened to one group during the changes a round covers; the last change of a member wins.</summary>
    private sealed class GroupTouch
    {
        /// <summary>Member id → true when it ended up added, false when removed.</summary>
        public SortedDictionary<string, bool> Members { get; } = new(StringComparer.Ordinal);

        public bool Recreated { get; private set; }

        public string? RemovalReason { get; private set; }

        public void Apply(GroupChange change)
        {
            switch (change.Kind)
            {
                case GroupChangeKind.Created:
                    Recreated = true;
                    RemovalReason = null;
                    Members.Clear();
                    break;
                case GroupChangeKind.Deleted:
                    RemovalReason = change.RemovalReason;
                    Members.Clear();
                    break;
                case GroupChangeKind.MemberAdded:
                    Members[change.MemberId!] = true;
                    break;
                case GroupChangeKind.MemberRemoved:
                    Members[change.MemberId!] = false;
                    break;
            }
        }
    }
}
