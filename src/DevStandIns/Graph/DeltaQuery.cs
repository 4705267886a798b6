using System.Text;
using System.Text.RegularExpressions;

namespace Total.DevStandIns.Graph;

/// <summary>
/// What a delta round tracks, from the initial request's <c>$select</c> and <c>$filter</c>; Graph encodes it into
/// the round's skip and delta tokens so later requests need not repeat it. Only <c>id eq '…'</c> clauses joined
/// by <c>or</c> are understood, at most 50, as Graph allows for groups.
/// </summary>
internal sealed partial record DeltaQuery(bool SelectsMembers, bool SelectsDisplayName, IReadOnlyList<string>? GroupIds)
{
    public const int MaxFilterIds = 50;

    /// <summary>Parses the query options; the error is Graph's (code, message) for a 400.</summary>
    public static (DeltaQuery? Query, (string Code, string Message)? Error) Read(string? select, string? filter)
    {
        var selected = (select ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Without $select Graph returns its default properties; members only when asked for.
        var selectsMembers = selected.Contains("members", StringComparer.OrdinalIgnoreCase);
        var selectsDisplayName = selected.Length == 0 || selected.Contains("displayName", StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(filter))
        {
            return (new DeltaQuery(selectsMembers, selectsDisplayName, null), null);
        }

        var ids = new List<string>();
        foreach (var clause in OrSeparator().Split(filter.Trim()))
        {
            var match = IdEquals().Match(clause.Trim());
            if (!match.Success)
            {
                return (null, ("Request_UnsupportedQuery", $"Unsupported filter clause '{clause.Trim()}': the local Graph stand-in understands only id eq '<object id>' clauses joined by 'or'."));
            }

            if (!GraphObjectIds.TryNormalize(match.Groups[1].Value, out var id))
            {
                return (null, ("Request_BadRequest", $"Invalid object identifier '{match.Groups[1].Value}'."));
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids.Count > MaxFilterIds
            ? (null, ("Request_UnsupportedQuery", $"The filter names {ids.Count} ids; delta queries track at most {MaxFilterIds} groups by id."))
            : (new DeltaQuery(selectsMembers, selectsDisplayName, ids), null);
    }

    /// <summary>True when the round covers <paramref name="groupId"/>.</summary>
    public bool Covers(string groupId) => GroupIds is null || GroupIds.Contains(groupId, StringComparer.Ordinal);

    /// <summary>The <c>$select</c> list, for <c>@odata.context</c> and links.</summary>
    public string SelectList()
    {
        var names = new List<string>();
        if (SelectsMembers)
        {
            names.Add("members");
        }

        if (SelectsDisplayName)
        {
            names.Add("displayName");
        }

        return names.Count == 0 ? "id" : string.Join(',', names);
    }

    /// <summary>The query string of the initial request, as a <c>Location</c> for a fresh resync.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder("?$select=").Append(Uri.EscapeDataString(SelectList()));
        if (GroupIds is { Count: > 0 } ids)
        {
            query.Append("&$filter=").Append(Uri.EscapeDataString(string.Join(" or ", ids.Select(id => $"id eq '{id}'"))));
        }

        return query.ToString();
    }

    [GeneratedRegex(@"\s+or\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrSeparator();

    [GeneratedRegex(@"^\(?\s*id\s+eq\s+'([^']*)'\s*\)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdEquals();
}
