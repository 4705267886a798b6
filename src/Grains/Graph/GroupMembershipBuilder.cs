using Microsoft.Graph.Models;

namespace Total.Grains.Graph;

/// <summary>
/// Merges what the pages of one read say, per group and in order (a large group's members arrive over several
/// pages; a later statement about a member wins), into a <see cref="GroupMembershipRead"/>. In a snapshot every
/// tracked group that was not seen is reported deleted; in a delta read only groups Graph marked removed are.
/// Groups outside the tracked set (an old delta link may cover others) are ignored.
/// </summary>
internal sealed class GroupMembershipBuilder(TrackedGroups groups, bool isSnapshot)
{
    private readonly Dictionary<string, HashSet<string>> _added = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _removed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);

    /// <summary>One group object of a delta page.</summary>
    public void Apply(Group group)
    {
        if (!TrackedGroups.TryNormalize(group.Id, out var groupId) || !groups.Contains(groupId))
        {
            return;
        }

        if (GroupDeltaItems.IsRemoved(group))
        {
            Deleted(groupId);
            return;
        }

        Exists(groupId);
        foreach (var (memberId, removed) in GroupDeltaItems.Members(group))
        {
            if (removed)
            {
                Remove(groupId, memberId);
            }
            else
            {
                Add(groupId, memberId);
            }
        }
    }

    /// <summary>The group exists (a snapshot then reports it even with no members).</summary>
    public void Exists(string groupId)
    {
        _deleted.Remove(groupId);
        _seen.Add(groupId);
        if (isSnapshot)
        {
            Set(_added, groupId);
        }
    }

    public void Add(string groupId, string memberId)
    {
        Set(_added, groupId).Add(memberId);
        if (_removed.TryGetValue(groupId, out var removed))
        {
            removed.Remove(memberId);
        }
    }

    public void Remove(string groupId, string memberId)
    {
        if (_added.TryGetValue(groupId, out var added))
        {
            added.Remove(memberId);
        }

        // A snapshot lists who is in; someone leaving during it is simply not in.
        if (!isSnapshot)
        {
            Set(_removed, groupId).Add(memberId);
        }
    }

    public void Deleted(string groupId)
    {
        _deleted.Add(groupId);
        _seen.Remove(groupId);
        _added.Remove(groupId);
        _removed.Remove(groupId);
    }

    public GroupMembershipRead Build(string deltaLink, GraphSession session, bool deltaExpired)
    {
        var deleted = isSnapshot ? groups.Ids.Where(id => !_seen.Contains(id)).ToHashSet(StringComparer.Ordinal) : _deleted;
        return new GroupMembershipRead(
            isSnapshot,
            Freeze(_added, keepEmpty: isSnapshot),
            Freeze(_removed, keepEmpty: false),
            deleted,
            deltaLink,
            session.Requests,
            session.Throttled,
            deltaExpired);
    }

    private static HashSet<string> Set(Dictionary<string, HashSet<string>> sets, string groupId)
    {
        if (!sets.TryGetValue(groupId, out var set))
        {
            sets[groupId] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        return set;
    }

    private static Dictionary<string, IReadOnlySet<string>> Freeze(Dictionary<string, HashSet<string>> sets, bool keepEmpty) =>
        sets.Where(pair => keepEmpty || pair.Value.Count > 0).ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal);
}
