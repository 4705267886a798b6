namespace Total.Scim.Patch;

/// <summary>
/// The net change a request's member operations make to a group's member list: who joins and who leaves. A change
/// that is empty (adding a present member, removing a non-member) changes nothing, so the group keeps its version.
/// Computed from the current membership of only the ids the operations name, unless an operation needs the whole
/// list (<see cref="ReplaceMembers"/>, <see cref="RemoveAllMembers"/>): a one-member PATCH on a 50,000-member group
/// never reads the other 49,999.
/// </summary>
/// <param name="Added">Ids that are not members now and will be, in request order.</param>
/// <param name="Removed">Ids that are members now and will not be.</param>
public sealed record MemberChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>No member joins or leaves.</summary>
    public static MemberChange None { get; } = new([], []);

    /// <summary>True when the member list stays as it is.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;

    /// <summary>
    /// The ids whose current membership <see cref="Of"/> needs: those the operations name, or null when they
    /// need every current member.
    /// </summary>
    public static IReadOnlyCollection<string>? IdsToLookUp(IReadOnlyList<MemberOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case AddMembers add:
                    ids.UnionWith(add.MemberIds);
                    break;
                case RemoveMembers remove:
                    ids.UnionWith(remove.MemberIds);
                    break;
                default:
                    return null;
            }
        }

        return ids;
    }

    /// <summary>Applies the operations in order to the current members and returns the difference.</summary>
    /// <param name="operations">The request's member operations.</param>
    /// <param name="currentMembers">
    /// The current members among <see cref="IdsToLookUp"/> (every current member when that is null).
    /// </param>
    public static MemberChange Of(IReadOnlyList<MemberOperation> operations, IReadOnlySet<string> currentMembers)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(currentMembers);
        var members = new HashSet<string>(currentMembers, StringComparer.Ordinal);
        var joined = new List<string>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case AddMembers add:
                    joined.AddRange(add.MemberIds.Where(members.Add));
                    break;
                case RemoveMembers remove:
                    members.ExceptWith(remove.MemberIds);
                    break;
                case RemoveAllMembers:
                    members.Clear();
                    break;
                case ReplaceMembers replace:
                    members.Clear();
                    members.UnionWith(replace.MemberIds);
                    joined.AddRange(replace.MemberIds);
                    break;
            }
        }

        var added = joined.Distinct(StringComparer.Ordinal).Where(id => members.Contains(id) && !currentMembers.Contains(id)).ToList();
        var removed = currentMembers.Where(id => !members.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return added.Count == 0 && removed.Count == 0 ? None : new MemberChange(added, removed);
    }
}
