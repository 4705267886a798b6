using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Total.DevStandIns.Graph;

/// <summary>
/// <c>GET /groups/delta</c> (also <c>delta()</c> and <c>microsoft.graph.delta()</c>, as the SDK writes it) with
/// <c>$select=members[,displayName]</c> and an optional <c>$filter=id eq '…' or …</c>. The first round pages
/// through every covered group with <c>@odata.nextLink</c> and ends with <c>@odata.deltaLink</c>; a delta link
/// later returns only what changed (<c>members@delta</c> items, with <c>@removed</c> for removed members, and
/// <c>@removed</c> groups). <c>$deltatoken=latest</c> gives a delta link without data. Expired tokens get
/// Graph's answers (see <see cref="DeltaExpiry"/>). <c>Prefer: odata.maxpagesize=N</c> lowers the page size.
/// </summary>
internal static partial class GraphDeltaEndpoint
{
    private const string DeltaPath = "/groups/delta";

    public static void Map(IEndpointRouteBuilder graph)
    {
        graph.MapGet(DeltaPath, Delta);
        graph.MapGet(DeltaPath + "()", Delta);
        graph.MapGet("/groups/microsoft.graph.delta()", Delta);
    }

    private static IResult Delta(HttpContext context)
    {
        var tenant = GraphRequestGate.Tenant(context);
        var query = context.Request.Query;
        foreach (var unsupported in new[] { "$expand", "$orderby", "$search" })
        {
            if (query.ContainsKey(unsupported))
            {
                return GraphError.BadRequest(context, "Request_UnsupportedQuery", $"Unsupported query option '{unsupported}' on delta of groups.");
            }
        }

        var pageSize = PageSize(context, tenant.Knobs.PageSize);
        if (query["$skiptoken"].FirstOrDefault() is { } skipToken)
        {
            return DeltaRound.TryParseSkipToken(skipToken, out var roundId, out var page)
                && tenant.FindRound(roundId) is { } round && page < round.Pages.Count
                ? Page(context, tenant, round, page)
                : Refuse(context, DeltaExpiry.SyncStateNotFound, null);
        }

        var deltaToken = query["$deltatoken"].FirstOrDefault();
        if (deltaToken is not null && !string.Equals(deltaToken, "latest", StringComparison.OrdinalIgnoreCase))
        {
            var cursor = DeltaCursor.Decode(deltaToken);
            return tenant.Refusal(cursor) is { } refusal
                ? Refuse(context, refusal, cursor?.Query)
                : Page(context, tenant, tenant.StartChangesRound(cursor!, pageSize), 0);
        }

        var (deltaQuery, error) = DeltaQuery.Read(query["$select"].FirstOrDefault(), query["$filter"].FirstOrDefault());
        if (deltaQuery is null)
        {
            return GraphError.BadRequest(context, error!.Value.Code, error.Value.Message);
        }

        if (deltaToken is not null)
        {
            // "Sync from now": a delta link for the current state, without the state itself.
            tenant.Counters.CountDelta();
            var root = GraphResponses.ServiceRoot(context.Request);
            return GraphResponses.Page(Context(root, deltaQuery), [], deltaLink: DeltaLink(root, tenant.Latest(deltaQuery)));
        }

        return Page(context, tenant, tenant.StartInitialRound(deltaQuery, pageSize), 0);
    }

    private static IResult Page(HttpContext context, GraphStandInTenant tenant, DeltaRound round, int page)
    {
        tenant.Counters.CountDelta();
        var root = GraphResponses.ServiceRoot(context.Request);
        var value = new JsonArray();
        foreach (var entry in round.Pages[page])
        {
            value.Add(Item(entry));
        }

        var isLast = page == round.Pages.Count - 1;
        return GraphResponses.Page(
            Context(root, round.Next.Query),
            value,
            nextLink: isLast ? null : $"{root}{DeltaPath}?$skiptoken={round.SkipToken(page + 1)}",
            deltaLink: isLast ? DeltaLink(root, round.Next) : null);
    }

    private static JsonObject Item(DeltaEntry entry)
    {
        if (entry.RemovalReason is { } reason)
        {
            return new JsonObject { ["id"] = entry.GroupId, ["@removed"] = new JsonObject { ["reason"] = reason } };
        }

        var item = new JsonObject();
        if (entry.DisplayName is not null)
        {
            item["displayName"] = entry.DisplayName;
        }

        item["id"] = entry.GroupId;
        if (entry.Members is { } members)
        {
            var changes = new JsonArray();
            foreach (var member in members)
            {
                var user = GraphResponses.User(member.Id);
                if (member.Removed)
                {
                    user["@removed"] = new JsonObject { ["reason"] = "deleted" };
                }

                changes.Add(user);
            }

            item["members@delta"] = changes;
        }

        return item;
    }

    private static IResult Refuse(HttpContext context, DeltaExpiry answer, DeltaQuery? query)
    {
        if (answer == DeltaExpiry.ResyncRequired)
        {
            var fresh = query ?? new DeltaQuery(true, true, null);
            context.Response.Headers.Location = $"{GraphResponses.ServiceRoot(context.Request)}{DeltaPath}{fresh.ToQueryString()}";
            return GraphError.Json(context, StatusCodes.Status410Gone, "resyncRequired", "The delta token is no longer valid. Start a full synchronization again from the Location URL.");
        }

        return GraphError.BadRequest(context, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
    }

    private static string Context(string root, DeltaQuery query) => $"{root}/$metadata#groups({query.SelectList()})";

    private static string DeltaLink(string root, DeltaCursor cursor) => $"{root}{DeltaPath}?$deltatoken={cursor.Encode()}";

    /// <summary>The tenant's page size, lowered by <c>Prefer: odata.maxpagesize=N</c> (acknowledged in <c>Preference-Applied</c>).</summary>
    private static int PageSize(HttpContext context, int configured)
    {
        foreach (var prefer in context.Request.Headers["Prefer"])
        {
            var match = MaxPageSize().Match(prefer ?? string.Empty);
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) && wanted > 0)
            {
                var applied = Math.Min(wanted, configured);
                context.Response.Headers["Preference-Applied"] = FormattableString.Invariant($"odata.maxpagesize={applied}");
                return applied;
            }
        }

        return configured;
    }

    [GeneratedRegex(@"odata\.maxpagesize\s*=\s*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaxPageSize();
}
