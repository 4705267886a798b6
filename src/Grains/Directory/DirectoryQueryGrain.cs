using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory.Storage;
using Total.Scim;
using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Json;
using Total.Scim.Messages;
using Total.Scim.Schema;

namespace Total.Grains.Directory;

/// <inheritdoc cref="IDirectoryQueryGrain"/>
/// <remarks>
/// An equality on the unique name goes to the one shard that holds it; anything else fans out to every
/// shard of the tenant. Each shard returns its best <c>startIndex - 1 + count</c> hits and its total, so
/// totalResults is exact and only the page's resources travel.
/// </remarks>
[StatelessWorker]
public sealed class DirectoryQueryGrain(IGroupMemberStore members, IOptions<ScimLimitsOptions> limits) : Grain, IDirectoryQueryGrain
{
    private const string MembersValue = "members.value";

    // This activation's tenant and type never change: its shards' references are made once.
    private IDirectoryShardGrain[]? _shards;

    public async Task<DirectoryPage> QueryAsync(DirectoryQuery query)
    {
        var (tenantId, schema) = ScimKeys.ParseQuery(this.GetPrimaryKeyString());
        FilterNode? filter;
        try
        {
            filter = query.ParsedFilter?.Node ?? (query.Filter is null ? null : FilterParser.Parse(query.Filter, limits.Value.Filter));
            if (filter is not null)
            {
                FilterEvaluator.Validate(filter, schema);
            }

            if (query.SortBy is not null && (!ScimAttributePath.TryParse(query.SortBy, out var sortPath) || schema.Resolve(sortPath).Attribute is null))
            {
                throw ScimException.InvalidValue($"sortBy '{query.SortBy}' is not an attribute of {schema.Name}.");
            }

            if (filter is not null && schema == ScimResourceSchema.Group && ReferencesMembers(filter))
            {
                return await QueryByMemberAsync(tenantId, filter, schema, query);
            }
        }
        catch (ScimException exception)
        {
            return new DirectoryPage(0, [], ScimOutcomes.From(exception));
        }

        var shards = ShardsFor(tenantId, filter, schema);
        var top = query.StartIndex - 1 + query.Count;

        // A first page (every Entra look-up) carries its resources in the same call; deeper pages fetch only the page.
        var firstPage = query.StartIndex == 1;
        var shardQuery = new ShardQuery(query.Filter, query.SortBy, query.Descending, top, IncludeResources: firstPage, query.ParsedFilter);
        var results = await Task.WhenAll(shards.Select(shard => shard.QueryAsync(shardQuery)));
        var total = results.Sum(r => r.Total);
        if (query.Count == 0)
        {
            return new DirectoryPage(total, []);
        }

        if (query.SortBy is null)
        {
            var page = results
                .SelectMany((result, shard) => result.Hits.Select(hit => (Hit: hit, Shard: shard)))
                .OrderBy(entry => entry.Hit.Id, StringComparer.Ordinal)
                .Skip(query.StartIndex - 1)
                .Take(query.Count)
                .ToList();
            if (firstPage)
            {
                return new DirectoryPage(total, page.Select(entry => entry.Hit.Resource!).ToList());
            }

            var fetched = await Task.WhenAll(page.GroupBy(entry => entry.Shard).Select(group =>
                shards[group.Key].GetResourcesAsync(group.Select(entry => entry.Hit.Id).ToList())));
            var byId = fetched.SelectMany(hits => hits).ToDictionary(hit => hit.Id, hit => hit.Resource!, StringComparer.Ordinal);
            return new DirectoryPage(total, page.Where(entry => byId.ContainsKey(entry.Hit.Id)).Select(entry => byId[entry.Hit.Id]).ToList());
        }

        var path = ScimAttributePath.TryParse(query.SortBy, out var parsed) ? parsed : throw new InvalidOperationException("sortBy was validated above");
        var comparer = new ScimSortComparer(path, query.Descending ? ScimSortOrder.Descending : ScimSortOrder.Ascending, schema);
        var sorted = results
            .SelectMany(result => result.Hits)
            .Select(hit => ScimJson.Read(hit.Resource!))
            .OrderBy(resource => resource, comparer)
            .ThenBy(resource => (string)resource["id"]!, StringComparer.Ordinal)
            .Skip(query.StartIndex - 1)
            .Take(query.Count)
            .Select(ScimJson.Write)
            .ToList();
        return new DirectoryPage(total, sorted);
    }

    public async Task<string?> FindByNameAsync(string name)
    {
        var (tenantId, schema) = ScimKeys.ParseQuery(this.GetPrimaryKeyString());
        return (await Shard(tenantId, schema, DirectoryShards.Of(DirectoryShards.KeyOf(name))).FindByNameAsync(name))?.Resource;
    }

    public async Task<IReadOnlyList<string>> FindByExternalIdAsync(string externalId, int max) =>
        (await FindByExternalIdHitsAsync(externalId)).OrderBy(hit => hit.Id, StringComparer.Ordinal).Take(max).Select(hit => hit.Resource!).ToList();

    public async Task<IReadOnlyList<string>> FindGroupsNamedAsync(string entry)
    {
        var byName = FindByNameAsync(entry);
        var byExternalId = await FindByExternalIdHitsAsync(entry);
        var named = await byName;
        return byExternalId.Select(hit => hit.Resource!).Prepend(named).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private async Task<IEnumerable<ShardHit>> FindByExternalIdHitsAsync(string externalId)
    {
        var (tenantId, schema) = ScimKeys.ParseQuery(this.GetPrimaryKeyString());
        var found = await Task.WhenAll(Enumerable.Range(0, DirectoryShards.Count).Select(shard => Shard(tenantId, schema, shard).FindByExternalIdAsync(externalId)));
        return found.SelectMany(hits => hits);
    }

    private IDirectoryShardGrain Shard(string tenantId, ScimResourceSchema schema, int shard) =>
        (_shards ??= [.. Enumerable.Range(0, DirectoryShards.Count).Select(n => GrainFactory.GetGrain<IDirectoryShardGrain>(ScimKeys.Shard(tenantId, schema, n)))])[shard];

    private List<IDirectoryShardGrain> ShardsFor(string tenantId, FilterNode? filter, ScimResourceSchema schema)
    {
        if (filter is not null && DirectoryShards.PinnedName(filter, schema) is { } name)
        {
            return [Shard(tenantId, schema, DirectoryShards.Of(DirectoryShards.KeyOf(name)))];
        }

        return Enumerable.Range(0, DirectoryShards.Count).Select(shard => Shard(tenantId, schema, shard)).ToList();
    }

    /// <summary>
    /// Group filters on members (Entra's membership check: <c>id eq "g" and members[value eq "u"]</c>) are
    /// answered from the membership rows: the groups of the member, each checked against the whole filter
    /// as if its member list were the one member asked about.
    /// </summary>
    private async Task<DirectoryPage> QueryByMemberAsync(string tenantId, FilterNode filter, ScimResourceSchema schema, DirectoryQuery query)
    {
        if (!FilterLookup.TryGetEqualityLookups(filter, schema, out var terms) || terms.Where(t => t.AttributePath == MembersValue).ToList() is not { Count: > 0 } memberTerms)
        {
            throw ScimException.InvalidFilter("A filter on 'members' is supported as an equality joined by 'and', e.g. id eq \"<group>\" and members[value eq \"<user>\"].");
        }

        IEnumerable<string>? candidates = null;
        foreach (var term in memberTerms)
        {
            var groups = await members.GroupsOfAsync(tenantId, term.Value);
            candidates = candidates is null ? groups : candidates.Intersect(groups, StringComparer.Ordinal);
        }

        var matches = new List<JsonObject>();
        foreach (var groupId in candidates!)
        {
            var outcome = await GrainFactory.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenantId, groupId)).GetAsync(includeMembers: false);
            if (outcome.Resource is null)
            {
                continue;
            }

            var group = ScimJson.Read(outcome.Resource);
            var probe = group.DeepClone().AsObject();
            probe["members"] = new JsonArray(memberTerms.Select(t => (JsonNode)new JsonObject { ["value"] = t.Value }).ToArray());
            if (FilterEvaluator.Matches(filter, probe, schema))
            {
                matches.Add(group);
            }
        }

        var page = matches.OrderBy(g => (string)g["id"]!, StringComparer.Ordinal).Skip(query.StartIndex - 1).Take(query.Count).Select(ScimJson.Write).ToList();
        return new DirectoryPage(matches.Count, page);
    }

    private static bool ReferencesMembers(FilterNode node) => node switch
    {
        AndNode and => ReferencesMembers(and.Left) || ReferencesMembers(and.Right),
        OrNode or => ReferencesMembers(or.Left) || ReferencesMembers(or.Right),
        NotNode not => ReferencesMembers(not.Inner),
        ComparisonNode comparison => IsMembers(comparison.Path),
        PresentNode present => IsMembers(present.Path),
        ValuePathNode valuePath => IsMembers(valuePath.Path),
        _ => false,
    };

    private static bool IsMembers(ScimAttributePath path) => string.Equals(path.Name, "members", StringComparison.OrdinalIgnoreCase);
}
