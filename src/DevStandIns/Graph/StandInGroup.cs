namespace Total.DevStandIns.Graph;

/// <summary>A group in the stand-in's directory: its name and its direct members' object ids.</summary>
internal sealed class StandInGroup(string id, string displayName)
{
    public string Id { get; } = id;

    public string DisplayName { get; set; } = displayName;

    /// <summary>Sorted, so paging is stable between requests.</summary>
    public SortedSet<string> Members { get; } = new(StringComparer.Ordinal);
}
