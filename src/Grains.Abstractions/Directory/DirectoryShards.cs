using System.IO.Hashing;
using System.Text;
using Total.Scim.Filter;
using Total.Scim.Schema;

namespace Total.Grains.Abstractions.Directory;

/// <summary>
/// Splits each tenant's users (and groups) into a fixed number of directory shards by a stable hash of the
/// unique key, so a big tenant is served by several grains and one key always lands on the same shard.
/// The count is part of the stored data (column <c>shard</c>): changing it needs a data migration. Part of the
/// contracts because a caller that knows the name (Entra's look-up before each create) asks its one shard directly.
/// </summary>
public static class DirectoryShards
{
    public const int Count = 8;

    public static int Of(string uniqueKey)
    {
        // The same bytes as Encoding.UTF8.GetBytes (a row's shard must never move), on the stack for every real name.
        var length = Encoding.UTF8.GetMaxByteCount(uniqueKey.Length);
        var utf8 = length <= 512 ? stackalloc byte[length] : new byte[length];
        return (int)(XxHash32.HashToUInt32(utf8[..Encoding.UTF8.GetBytes(uniqueKey, utf8)]) % Count);
    }

    /// <summary>The unique key of a userName or displayName: case-insensitive per the SCIM schema.</summary>
    public static string KeyOf(string name) => name.ToLowerInvariant();

    /// <summary>
    /// The name a filter pins the unique attribute to (an equality on userName or displayName, alone or joined by
    /// <c>and</c>): only the shard of that name can hold a match. Null when the filter can match in any shard.
    /// </summary>
    public static string? PinnedName(FilterNode filter, ScimResourceSchema schema) =>
        FilterLookup.TryGetEqualityLookups(filter, schema, out var terms)
            && terms.FirstOrDefault(t => string.Equals(t.AttributePath, schema.UniqueAttribute, StringComparison.OrdinalIgnoreCase)) is { } term
            ? term.Value
            : null;
}
