using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Directory;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Grains.Tenants;

/// <summary>The provisioned groups that entries of a tenant's group settings name (<see cref="GroupReferences"/>).</summary>
public static class NamedGroups
{
    /// <summary>The ids of the provisioned groups whose displayName or externalId is one of <paramref name="entries"/>.</summary>
    public static async Task<IReadOnlyList<string>> IdsAsync(IGrainFactory grains, string tenantId, IEnumerable<string> entries)
    {
        var query = grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.Group));
        var ids = new List<string>();
        foreach (var entry in entries)
        {
            ids.AddRange((await query.FindGroupsNamedAsync(entry)).Select(group => (string)ScimJson.Read(group)["id"]!));
        }

        return ids.Distinct(StringComparer.Ordinal).ToList();
    }
}
