using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Grains.Reconciliation;

/// <summary>
/// The Entra object ids of a tenant's admin groups, which Graph is asked about. An entry that is a GUID is one;
/// a display name is resolved through the provisioned group's externalId. Groups with no GUID to go by cannot be
/// checked in Graph, and are named so the console can say so.
/// </summary>
public sealed record AdminGroupTargets(IReadOnlyList<string> ObjectIds, IReadOnlyList<string> Unchecked)
{
    public const int MaxGroups = 50;

    public static async Task<AdminGroupTargets> ResolveAsync(IGrainFactory grains, string tenantId, IReadOnlyList<string> adminGroups)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var uncheckable = new List<string>();
        var query = grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.Group));
        foreach (var entry in adminGroups)
        {
            if (Guid.TryParse(entry, out var objectId))
            {
                ids.Add(objectId.ToString("D"));
                continue;
            }

            // By name as GroupReferences.Names matches one: the directory's unique key, so one shard answers.
            if (await query.FindByNameAsync(entry) is { } group && Guid.TryParse((string?)ScimJson.Read(group)["externalId"], out var externalId))
            {
                ids.Add(externalId.ToString("D"));
            }
            else
            {
                uncheckable.Add(entry);
            }
        }

        // Graph's delta filter takes at most 50 ids; more admin groups than that is not a setup we support checking.
        return new AdminGroupTargets(ids.Take(MaxGroups).ToList(), uncheckable.Concat(ids.Skip(MaxGroups)).ToList());
    }

    /// <summary>True when Graph is asked about every group in <paramref name="externalIds"/>.</summary>
    public bool Covers(IEnumerable<string> externalIds) =>
        externalIds.All(id => Guid.TryParse(id, out var g) && ObjectIds.Contains(g.ToString("D"), StringComparer.Ordinal));
}
