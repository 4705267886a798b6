using System.Text.Json.Nodes;
using Total.Scim.Filter;
using Total.Scim.Schema;

namespace Total.Scim.Messages;

/// <summary>
/// Runs a <see cref="ListQuery"/> over resources held in memory: filter, sort, page, project, and
/// wrap in a ListResponse. Suits small collections and the discovery endpoints; servers answering
/// from indexes use the parts (<see cref="FilterLookup"/>, <see cref="ScimSortComparer"/>) directly.
/// </summary>
public static class ListQueryExecution
{
    /// <summary>Produces the ListResponse for the query.</summary>
    public static JsonObject Execute(this ListQuery query, IEnumerable<JsonObject> resources, ScimResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(schema);
        if (query.Filter is not null)
        {
            FilterEvaluator.Validate(query.Filter, schema);
        }

        var matches = query.Filter is null
            ? resources.ToList()
            : resources.Where(resource => FilterEvaluator.Matches(query.Filter, resource, schema)).ToList();
        if (query.SortBy is not null)
        {
            // List.Sort is unstable, but the comparer breaks ties by id.
            matches.Sort(new ScimSortComparer(query.SortBy, query.SortOrder, schema));
        }

        var page = matches
            .Skip(query.StartIndex - 1)
            .Take(query.Count)
            .Select(resource => query.Projection.Apply(resource, schema));
        return ScimListResponse.Create(page, matches.Count, query.StartIndex);
    }
}
