namespace Total.Grains.Graph;

/// <summary>
/// The admin groups one read tracks: Entra object ids (GUIDs, normalised to Graph's lower-case form) at most
/// <see cref="Max"/>, which is what a delta query's <c>$filter=id eq '…' or …</c> accepts. Being GUIDs they
/// cannot smuggle anything into the filter.
/// </summary>
internal sealed class TrackedGroups
{
    /// <summary>Graph's limit on ids in a delta filter; more would need several delta links, which a read does not have.</summary>
    public const int Max = 50;

    private readonly HashSet<string> _ids;

    private TrackedGroups(IReadOnlyList<string> ids)
    {
        Ids = ids;
        _ids = new HashSet<string>(ids, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Ids { get; }

    /// <summary>The delta query's <c>$filter</c>.</summary>
    public string Filter => string.Join(" or ", Ids.Select(id => $"id eq '{id}'"));

    public bool Contains(string groupId) => _ids.Contains(groupId);

    /// <exception cref="ArgumentException">No ids, more than <see cref="Max"/>, or one that is not an object id.</exception>
    public static TrackedGroups From(IReadOnlyList<string> groupIds)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var ids = groupIds.Select(id => TryNormalize(id, out var normalized)
                ? normalized
                : throw new ArgumentException($"'{id}' is not an Entra group object id (a GUID).", nameof(groupIds)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (ids.Count is 0 or > Max)
        {
            throw new ArgumentException($"A Graph read tracks 1 to {Max} groups, not {ids.Count}: Graph's delta filter takes at most {Max} ids.", nameof(groupIds));
        }

        return new TrackedGroups(ids);
    }

    /// <summary>Graph's form of an object id: lower-case with hyphens.</summary>
    public static bool TryNormalize(string? value, out string id)
    {
        var valid = Guid.TryParse(value, out var guid);
        id = valid ? guid.ToString("D") : string.Empty;
        return valid;
    }
}
