using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory.Storage;
using Total.Scim;
using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Json;
using Total.Scim.Messages;
using Total.Scim.Schema;

namespace Total.Grains.Directory;

/// <inheritdoc cref="IDirectoryShardGrain"/>
/// <remarks>
/// Keeps resources as JSON text (compact: about the size of the resource) and parses them only to
/// evaluate a general filter; equality on the unique key, externalId and id are dictionary lookups.
/// </remarks>
public sealed class DirectoryShardGrain(IScimResourceStore store, IOptions<ScimLimitsOptions> limits) : Grain, IDirectoryShardGrain
{
    private readonly Dictionary<string, HeldEntry> _entries = new(StringComparer.Ordinal);
    // The unique name's key to the id that holds it: the store's unique index decides, the shard shows.
    private readonly Dictionary<string, string> _idsByUniqueKey = new(StringComparer.Ordinal);
    // Ignoring case: a settings entry names a group's Entra object id in any case; SCIM filters confirm their own match.
    private readonly Dictionary<string, HashSet<string>> _byExternalId = new(StringComparer.OrdinalIgnoreCase);
    private ScimResourceSchema _schema = ScimResourceSchema.User;
    // How the filter evaluator compares the unique attribute (userName and displayName are not case-exact).
    private StringComparison _uniqueNameComparison = StringComparison.OrdinalIgnoreCase;
    private string _tenantId = "";
    private ScimResourceType _type = ScimResourceType.User;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _schema, var shard) = ScimKeys.ParseShard(this.GetPrimaryKeyString());
        _type = ScimResourceTypes.Of(_schema);
        _uniqueNameComparison = _schema.Resolve(new ScimAttributePath(null, _schema.UniqueAttribute)).Attribute?.CaseExact == true ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        foreach (var row in await store.ListShardAsync(_tenantId, _type, shard, cancellationToken))
        {
            Index(Entry(row));
        }
    }

    [Obsolete("The store's unique index arbitrates names; kept for mixed-version clusters during a rolling deploy.")]
    public Task<string?> ClaimAsync(string uniqueKey, string id) =>
        Task.FromResult(_idsByUniqueKey.TryGetValue(uniqueKey, out var holder) && holder != id ? holder : null);

    [Obsolete("Nothing is reserved; kept for mixed-version clusters during a rolling deploy.")]
    public Task ReleaseAsync(string uniqueKey, string id) => Task.CompletedTask;

    public Task UpsertAsync(DirectoryEntry entry)
    {
        Unindex(entry.Id);
        Index(entry);
        return Task.CompletedTask;
    }

    public Task ResetAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string id)
    {
        Unindex(id);
        return Task.CompletedTask;
    }

    public Task<ShardQueryResult> QueryAsync(ShardQuery query)
    {
        var filter = query.ParsedFilter?.Node ?? (query.Filter is null ? null : FilterParser.Parse(query.Filter, limits.Value.Filter));
        var terms = filter is not null && FilterLookup.TryGetEqualityLookups(filter, _schema, out var found) ? found : null;
        var uniqueName = UniqueNameEquality(filter, terms);
        var matches = new List<(HeldEntry Entry, JsonObject? Parsed)>();
        foreach (var entry in Candidates(terms))
        {
            JsonObject? parsed = null;
            if (uniqueName is not null)
            {
                // Entra's look-up: compared as the evaluator would, on the one attribute, without parsing the resource.
                if (!string.Equals(TopLevelString(entry.Utf8, _schema.UniqueAttribute), uniqueName, _uniqueNameComparison))
                {
                    continue;
                }
            }
            else if (filter is not null)
            {
                parsed = ScimJson.Read(entry.Utf8);
                if (!FilterEvaluator.Matches(filter, parsed, _schema))
                {
                    continue;
                }
            }

            matches.Add((entry, parsed));
        }

        var top = Math.Max(query.Top, 0);
        IReadOnlyList<ShardHit> hits;
        if (query.SortBy is null)
        {
            // Ids are time-ordered (UUIDv7), so id order is creation order: stable across pages.
            hits = matches
                .Select(m => m.Entry)
                .OrderBy(entry => entry.Id, StringComparer.Ordinal)
                .Take(top)
                .Select(entry => new ShardHit(entry.Id, query.IncludeResources ? entry.Text : null))
                .ToList();
        }
        else
        {
            var comparer = SortComparer(query.SortBy, query.Descending);
            hits = matches
                .Select(m => (m.Entry, Parsed: m.Parsed ?? ScimJson.Read(m.Entry.Utf8)))
                .OrderBy(m => m.Parsed, comparer)
                .ThenBy(m => m.Entry.Id, StringComparer.Ordinal)
                .Take(top)
                .Select(m => new ShardHit(m.Entry.Id, m.Entry.Text))
                .ToList();
        }

        return Task.FromResult(new ShardQueryResult(matches.Count, hits));
    }

    public Task<ShardHit?> FindByNameAsync(string name) =>
        Task.FromResult(_idsByUniqueKey.TryGetValue(DirectoryShards.KeyOf(name), out var id) && _entries.TryGetValue(id, out var entry)
            ? new ShardHit(entry.Id, entry.Text)
            : null);

    public Task<IReadOnlyList<ShardHit>> FindByExternalIdAsync(string externalId) =>
        Task.FromResult<IReadOnlyList<ShardHit>>(_byExternalId.TryGetValue(externalId, out var ids)
            ? ids.Select(id => new ShardHit(id, _entries[id].Text)).ToList()
            : []);

    public Task<IReadOnlyList<ShardHit>> GetResourcesAsync(IReadOnlyList<string> ids) =>
        Task.FromResult<IReadOnlyList<ShardHit>>(ids.Where(_entries.ContainsKey).Select(id => new ShardHit(id, _entries[id].Text)).ToList());

    /// <summary>Narrows a filter's candidates with an index when it is (or starts with) an equality on one.</summary>
    /// <summary>The value of a filter that is exactly <c>&lt;unique attribute&gt; eq "value"</c> (Entra's look-up), or null.</summary>
    private string? UniqueNameEquality(FilterNode? filter, IReadOnlyList<EqualityLookup>? terms) =>
        filter is ComparisonNode && terms is [_]
            && string.Equals(terms[0].AttributePath, _schema.UniqueAttribute, StringComparison.OrdinalIgnoreCase)
            ? terms[0].Value
            : null;

    /// <summary>A top-level string attribute of a stored resource (stored under its canonical name), read without building a tree.</summary>
    private static string? TopLevelString(byte[] utf8, string name)
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var matches = reader.ValueTextEquals(name);
                reader.Read();
                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }

        return null;
    }

    /// <summary>The entries a filter's equality terms point to (every entry when it has none); candidates still to be confirmed.</summary>
    private IEnumerable<HeldEntry> Candidates(IReadOnlyList<EqualityLookup>? terms)
    {
        if (terms is null)
        {
            return _entries.Values;
        }

        foreach (var term in terms)
        {
            if (string.Equals(term.AttributePath, _schema.UniqueAttribute, StringComparison.OrdinalIgnoreCase))
            {
                return _idsByUniqueKey.TryGetValue(DirectoryShards.KeyOf(term.Value), out var id) && _entries.TryGetValue(id, out var entry) ? [entry] : [];
            }

            if (term.AttributePath == "id")
            {
                return _entries.TryGetValue(term.Value, out var entry) ? [entry] : [];
            }

            if (term.AttributePath == "externalId")
            {
                return _byExternalId.TryGetValue(term.Value, out var ids) ? ids.Select(id => _entries[id]).ToList() : [];
            }
        }

        return _entries.Values;
    }

    private ScimSortComparer SortComparer(string sortBy, bool descending)
    {
        if (!ScimAttributePath.TryParse(sortBy, out var path))
        {
            throw ScimException.InvalidValue($"sortBy '{sortBy}' is not an attribute path.");
        }

        return new ScimSortComparer(path, descending ? ScimSortOrder.Descending : ScimSortOrder.Ascending, _schema);
    }

    private void Index(DirectoryEntry entry)
    {
        _entries[entry.Id] = new HeldEntry(entry.Id, entry.UniqueKey, entry.ExternalId, Encoding.UTF8.GetBytes(entry.Resource));
        _idsByUniqueKey[entry.UniqueKey] = entry.Id;
        if (entry.ExternalId is { } externalId)
        {
            if (!_byExternalId.TryGetValue(externalId, out var ids))
            {
                _byExternalId[externalId] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(entry.Id);
        }
    }

    private void Unindex(string id)
    {
        if (!_entries.Remove(id, out var old))
        {
            return;
        }

        if (_idsByUniqueKey.TryGetValue(old.UniqueKey, out var holder) && holder == id)
        {
            _idsByUniqueKey.Remove(old.UniqueKey);
        }

        if (old.ExternalId is { } externalId && _byExternalId.TryGetValue(externalId, out var ids))
        {
            ids.Remove(id);
            if (ids.Count == 0)
            {
                _byExternalId.Remove(externalId);
            }
        }
    }

    private static DirectoryEntry Entry(StoredResource row) => new(row.Id, row.UniqueKey, row.ExternalId, row.Body);

    /// <summary>A resource as the shard keeps it: UTF-8 is about half the memory of a .NET string, and parses directly.</summary>
    private sealed record HeldEntry(string Id, string UniqueKey, string? ExternalId, byte[] Utf8)
    {
        public string Text => Encoding.UTF8.GetString(Utf8);
    }
}
