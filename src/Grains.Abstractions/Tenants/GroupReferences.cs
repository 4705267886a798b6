namespace Total.Grains.Abstractions.Tenants;

/// <summary>
/// Cleans the admin/monitored group lists an operator or admin enters. An entry names a provisioned group
/// by its externalId (the Entra object id) or its displayName.
/// </summary>
public static class GroupReferences
{
    public const int MaxEntries = 100;
    public const int MaxLength = 256;

    /// <summary>Trimmed, de-duplicated (case-insensitively) entries, or an error that says which entry is wrong.</summary>
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

            if (!result.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(trimmed);
            }
        }

        return (result, null);
    }

    /// <summary>True when a settings entry names the group: its Entra object id (externalId) or its displayName, ignoring case.</summary>
    public static bool Names(string entry, string displayName, string? externalId) =>
        string.Equals(entry, displayName, StringComparison.OrdinalIgnoreCase)
        || (externalId is not null && string.Equals(entry, externalId, StringComparison.OrdinalIgnoreCase));
}
