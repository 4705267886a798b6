using Total.Grains.Abstractions.Directory;
using Total.Scim.Filter;
using Total.Scim.Messages;
using Total.Scim.Schema;

namespace Total.Api.Scim;

/// <summary>
/// Where a list request is answered. Entra's look-up before each create and update (a first page filtered on one
/// equality of the unique name, unsorted) goes straight to the one directory shard that can hold that name, which
/// saves a grain call on a third of an initial cycle's requests; anything else goes to the tenant's directory
/// query, which validates, fans out and pages.
/// </summary>
public static class ScimDirectory
{
    public static Task<DirectoryPage> QueryAsync(IGrainFactory grains, string tenantId, ScimResourceSchema schema, ListQuery query, string? rawFilter)
    {
        var filter = query.Filter is null ? null : new ScimFilter(rawFilter!, query.Filter);
        if (filter is { Node: ComparisonNode } && query is { SortBy: null, StartIndex: 1, Count: > 0 } && DirectoryShards.PinnedName(filter.Node, schema) is { } name)
        {
            return LookUpAsync(grains.GetGrain<IDirectoryShardGrain>(ScimKeys.Shard(tenantId, schema, DirectoryShards.Of(DirectoryShards.KeyOf(name)))), filter, query.Count);
        }

        return grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, schema)).QueryAsync(DirectoryQuery.For(
            filter,
            query.SortBy?.ToString(),
            query.SortOrder == ScimSortOrder.Descending,
            query.StartIndex,
            query.Count));
    }

    private static async Task<DirectoryPage> LookUpAsync(IDirectoryShardGrain shard, ScimFilter filter, int count)
    {
        var result = await shard.QueryAsync(new ShardQuery(filter.Text, null, false, count, IncludeResources: true, filter));
        return new DirectoryPage(result.Total, result.Hits.Take(count).Select(hit => hit.Resource!).ToList());
    }
}
