using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Groups.Delta;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Total.Grains.Abstractions.Graph;

namespace Total.Grains.Graph;

/// <summary>
/// Reads admin-group membership from Microsoft Graph with the Graph SDK and the customer's app registration
/// (client credentials). Without a delta link: the first round of <c>GET /groups/delta?$select=members</c>
/// filtered on the group ids, every page followed, merged per group into a snapshot. With one: the changes
/// since. When Graph refuses the link as expired (400 <c>syncStateNotFound</c>, 410 Gone) or it belongs to
/// another Graph host: a fresh link from <c>$deltatoken=latest</c> first (so nothing changing meanwhile is
/// lost), then every member of every group from <c>/groups/{id}/members</c>: a snapshot marked
/// <see cref="GroupMembershipRead.DeltaExpired"/>. A delta link covers the groups it was first asked for:
/// callers start without one when their set of groups changes.
/// </summary>
internal sealed partial class EntraGroupReader(GraphSessions sessions, IOptionsMonitor<GraphOptions> options, ILogger<EntraGroupReader> logger) : IEntraGroupReader
{
    /// <summary>A round longer than this is a Graph (or stand-in) bug, not a directory.</summary>
    private const int MaxPagesPerRound = 100_000;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">No group ids, more than 50, or one that is not an object id (GUID): chunking would need several delta links.</exception>
    public async Task<GroupMembershipRead> ReadAsync(GraphCredentials credentials, IReadOnlyList<string> groupIds, string? deltaLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var groups = TrackedGroups.From(groupIds);
        using var session = sessions.Open(credentials, options.CurrentValue);
        return await GuardAsync(credentials, async () =>
        {
            if (deltaLink is not null && !session.Serves(deltaLink))
            {
                LogForeignDeltaLink(credentials.EntraTenantId, session.Options.BaseUrl);
                return await ListMembersAsync(session, groups, deltaExpired: true, cancellationToken);
            }

            try
            {
                return await ReadDeltaRoundAsync(session, groups, deltaLink, cancellationToken);
            }
            catch (ApiException e) when (IsSyncReset(e))
            {
                LogDeltaExpired(credentials.EntraTenantId, e.ResponseStatusCode, GraphFailures.ErrorCode(e));
                return await ListMembersAsync(session, groups, deltaExpired: deltaLink is not null, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ProbeAsync(GraphCredentials credentials, IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(groupIds);
        using var session = sessions.Open(credentials, options.CurrentValue);
        await GuardAsync(credentials, async () =>
        {
            if (groupIds.Count == 0)
            {
                return await session.Client.Groups.GetAsync(request => { request.QueryParameters.Top = 1; request.QueryParameters.Select = ["id"]; }, cancellationToken) is not null;
            }

            if (!TrackedGroups.TryNormalize(groupIds[0], out var groupId))
            {
                throw new GraphAccessException(GraphFailure.GroupNotFound, $"'{groupIds[0]}' is not an Entra group object id (a GUID). Copy the group's Object ID from Entra ID → Groups.");
            }

            try
            {
                return await session.Client.Groups[groupId].Members.GetAsync(request => { request.QueryParameters.Top = 1; request.QueryParameters.Select = ["id"]; }, cancellationToken) is not null;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                throw new GraphAccessException(
                    GraphFailure.GroupNotFound,
                    $"Group {groupId} does not exist in Entra tenant {credentials.EntraTenantId:D}. The credentials and the permission work; check the group's Object ID.",
                    e);
            }
        }, cancellationToken);
    }

    /// <summary>A delta round: the first one (snapshot) without a link, the changes since it with one.</summary>
    private static async Task<GroupMembershipRead> ReadDeltaRoundAsync(GraphSession session, TrackedGroups groups, string? deltaLink, CancellationToken cancellationToken)
    {
        var delta = session.Client.Groups.Delta;
        var membership = new GroupMembershipBuilder(groups, isSnapshot: deltaLink is null);
        var page = deltaLink is null
            ? await delta.GetAsDeltaGetResponseAsync(
                request =>
                {
                    request.QueryParameters.Select = ["members"];
                    request.QueryParameters.Filter = groups.Filter;
                    session.HintDeltaPageSize(request.Headers);
                },
                cancellationToken)
            : await NextPageAsync(session, deltaLink, cancellationToken);
        for (var pages = 1; pages <= MaxPagesPerRound; pages++)
        {
            foreach (var group in page?.Value ?? [])
            {
                membership.Apply(group);
            }

            if (page?.OdataNextLink is { } nextLink)
            {
                page = await NextPageAsync(session, nextLink, cancellationToken);
            }
            else if (page?.OdataDeltaLink is { } newDeltaLink)
            {
                return membership.Build(newDeltaLink, session, deltaExpired: false);
            }
            else
            {
                throw new GraphAccessException(GraphFailure.Unavailable, "Microsoft Graph ended a delta page with neither a next link nor a delta link. Try again later.");
            }
        }

        throw new GraphAccessException(GraphFailure.Unavailable, $"Microsoft Graph's delta round did not end within {MaxPagesPerRound} pages. Try again later.");
    }

    private static Task<DeltaGetResponse?> NextPageAsync(GraphSession session, string link, CancellationToken cancellationToken) =>
        session.Client.Groups.Delta.WithUrl(link).GetAsDeltaGetResponseAsync(request => session.HintDeltaPageSize(request.Headers), cancellationToken);

    /// <summary>The fallback when delta cannot continue: a link for "from now on", then every member of every group.</summary>
    private static async Task<GroupMembershipRead> ListMembersAsync(GraphSession session, TrackedGroups groups, bool deltaExpired, CancellationToken cancellationToken)
    {
        var latest = await LatestDeltaLinkAsync(session, groups, cancellationToken);
        var membership = new GroupMembershipBuilder(groups, isSnapshot: true);
        foreach (var groupId in groups.Ids)
        {
            var members = session.Client.Groups[groupId].Members;
            try
            {
                var page = await members.GetAsync(
                    request =>
                    {
                        request.QueryParameters.Select = ["id"];
                        request.QueryParameters.Top = session.Options.MembersPageSize;
                    },
                    cancellationToken);
                membership.Exists(groupId);
                for (var pages = 1; page is not null && pages <= MaxPagesPerRound; pages++)
                {
                    foreach (var member in page.Value ?? [])
                    {
                        if (member.Id is { } memberId && GroupDeltaItems.IsUser(member))
                        {
                            membership.Add(groupId, TrackedGroups.TryNormalize(memberId, out var normalized) ? normalized : memberId);
                        }
                    }

                    page = page.OdataNextLink is { } nextLink ? await members.WithUrl(nextLink).GetAsync(cancellationToken: cancellationToken) : null;
                }
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                membership.Deleted(groupId);
            }
        }

        return membership.Build(latest, session, deltaExpired);
    }

    /// <summary><c>$deltatoken=latest</c> on the same query: a delta link without data.</summary>
    private static async Task<string> LatestDeltaLinkAsync(GraphSession session, TrackedGroups groups, CancellationToken cancellationToken)
    {
        var delta = session.Client.Groups.Delta;
        var request = delta.ToGetRequestInformation(query =>
        {
            query.QueryParameters.Select = ["members"];
            query.QueryParameters.Filter = groups.Filter;
        });
        var response = await delta.WithUrl($"{request.URI}&$deltatoken=latest").GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
        return response?.OdataDeltaLink
            ?? throw new GraphAccessException(GraphFailure.Unavailable, "Microsoft Graph answered $deltatoken=latest without a delta link. Try again later.");
    }

    /// <summary>Graph's "start over": 410 Gone, or 400 with a sync-state error code.</summary>
    private static bool IsSyncReset(ApiException error) =>
        error.ResponseStatusCode == 410
        || (error.ResponseStatusCode == 400 && GraphFailures.ErrorCode(error) is "syncStateNotFound" or "resyncRequired" or "syncStateInvalid");

    /// <summary>Runs Graph calls, turning their failures into <see cref="GraphAccessException"/> and logging them (never the secret).</summary>
    private async Task<T> GuardAsync<T>(GraphCredentials credentials, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (GraphFailures.Describe(e, credentials, cancellationToken) is { } failure)
        {
            LogReadFailed(credentials.EntraTenantId, credentials.ClientId, failure.Failure, failure.Message);
            throw failure;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph read for Entra tenant {EntraTenantId} (client {ClientId}) failed: {Failure}. {Reason}")]
    private partial void LogReadFailed(Guid entraTenantId, string clientId, GraphFailure failure, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph refused the delta link of Entra tenant {EntraTenantId} (HTTP {Status} {Code}); reading every member instead")]
    private partial void LogDeltaExpired(Guid entraTenantId, int status, string? code);

    [LoggerMessage(Level = LogLevel.Information, Message = "The stored delta link of Entra tenant {EntraTenantId} is not under Graph:BaseUrl {BaseUrl} (configuration changed); reading every member instead")]
    private partial void LogForeignDeltaLink(Guid entraTenantId, string baseUrl);
}
