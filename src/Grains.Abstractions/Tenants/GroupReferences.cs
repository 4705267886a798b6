namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// The admin/monitored group lists an operator or admin enters, and the one rule for which provisioned group an entry
/// names, used wherever an entry is matched (access decisions, SCIM writes to groups, settings changes, the console).
/// An entry names a group by
/// <list type="bullet">
/// <item>its displayName, ignoring case exactly as the directory keeps displayNames unique (SCIM's displayName is not
/// caseExact, RFC 7643 §8.7.1; the directory's key is the invariant lower case): so an entry names at most one group by
/// name, and the one-shard look-up by name finds the very group this rule matches;</item>
/// <item>its externalId (the Entra object id, a GUID), ignoring case, as the externalId look-up compares.</item>
/// </list>
/// </summary>
public static class GroupReferences
{
    public const int MaxEntries = 100;
    public const int MaxLength = 256;

    /// <summary>Trimmed entries, each kept once (<see cref="SameEntry"/>), or an error that says which entry is wrong.</summary>
    public static (List<string> Groups, string? Error) Normalize(IReadOnlyList<string>? entries, string listName)
    {
        var result = new List<string>();
        if (entries is null)
        {
            return (result, null);
        }

        if (entries.Count > MaxEntries)
        {
            return (result, $"'{listName}' has {entries.Count} entries; at most {MaxEntries} are allowed.");
        }

        foreach (var entry in entries)
        {
            var trimmed = entry?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                return (result, $"'{listName}' contains an empty entry; give each group's Entra object id or display name.");
            }

            if (trimmed.Length > MaxLength)
            {
                return (result, $"'{listName}' contains an entry longer than {MaxLength} characters.");
            }

            if (!result.Contains(trimmed, SameEntry))
            {
                result.Add(trimmed);
            }
        }

        return (result, null);
    }

    /// <summary>Two entries that name the same groups: one is kept of them, and changing one into the other changes nothing.</summary>
    public static IEqualityComparer<string> SameEntry { get; } = new SameEntryComparer();

    /// <summary>True when a settings entry names the group: its displayName or its Entra object id (externalId), by the rule above.</summary>
    public static bool Names(string entry, string displayName, string? externalId) =>
        SameDisplayName(entry, displayName)
        || (externalId is not null && string.Equals(entry, externalId, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when two displayNames have the same key in the directory (their invariant lower case), without allocating for names of usual length.</summary>
    public static bool SameDisplayName(string a, string b)
    {
        // Invariant lower-casing maps each UTF-16 unit (or surrogate pair) to as many: different lengths never match.
        if (a.Length != b.Length)
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        if (a.Length > MaxLength)
        {
            return string.Equals(a.ToLowerInvariant(), b.ToLowerInvariant(), StringComparison.Ordinal);
        }

        Span<char> lowerA = stackalloc char[a.Length];
        Span<char> lowerB = stackalloc char[b.Length];
        a.AsSpan().ToLowerInvariant(lowerA);
        b.AsSpan().ToLowerInvariant(lowerB);
        return lowerA.SequenceEqual(lowerB);
    }

    /// <summary>The same displayName key and the same externalId: entries that differ in either can name different groups.</summary>
    private sealed class SameEntryComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) =>
            x is null || y is null ? ReferenceEquals(x, y) : SameDisplayName(x, y) && string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(string obj) => StringComparer.OrdinalIgnoreCase.GetHashCode(obj);
    }
}
