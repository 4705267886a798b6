using System.Net;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Total.Api.Tests.SignIn;
using Total.DevStandIns.Graph;
using Total.Grains.Tests.Graph;

namespace Total.Api.Tests.Graph;

/// <summary>
/// The Graph stand-in and the client-credentials grant over raw HTTPS: Entra's token and error shapes, Graph's
/// error body, <c>@odata.nextLink</c>/<c>@odata.deltaLink</c> paging, <c>members@delta</c> and <c>@removed</c>,
/// expired delta tokens, faults, and the control API the bench uses.
/// </summary>
public sealed class GraphStandInWireTests(StandInServerFixture fixture) : IClassFixture<StandInServerFixture>
{
    private const string UserType = "#microsoft.graph.user";

    [Fact]
    public async Task Client_credentials_give_an_entra_shaped_app_only_graph_token()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = Guid.NewGuid();
        var clientId = Guid.NewGuid().ToString();

        var response = await graph.RequestTokenAsync(tenant.ToString(), GraphStandInClient.ClientCredentials(clientId));
        var body = await GraphStandInClient.JsonAsync(response);
        var token = new JsonWebToken((string)body["access_token"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.InRange((int)body["expires_in"]!, 3500, 3600);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(["https://graph.microsoft.com"], token.Audiences);
        Assert.Equal($"https://sts.windows.net/{tenant}/", token.Issuer);
        Assert.Equal(tenant.ToString(), token.GetPayloadValue<string>("tid"));
        Assert.Equal(clientId, token.GetPayloadValue<string>("appid"));
        Assert.Equal("app", token.GetPayloadValue<string>("idtyp"));
        Assert.Equal("1.0", token.GetPayloadValue<string>("ver"));
        Assert.Equal(["GroupMember.Read.All"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.Equal("RS256", token.Alg);
    }

    [Theory]
    [InlineData("no secret", HttpStatusCode.Unauthorized, "invalid_client", "AADSTS7000216")]
    [InlineData("scope without /.default", HttpStatusCode.BadRequest, "invalid_scope", "AADSTS1002012")]
    [InlineData("another resource", HttpStatusCode.BadRequest, "invalid_resource", "AADSTS500011")]
    [InlineData("organizations tenant", HttpStatusCode.BadRequest, "invalid_request", "AADSTS700016")]
    public async Task Client_credentials_refusals_carry_entra_errors(string defect, HttpStatusCode status, string error, string aadsts)
    {
        using var graph = new GraphStandInClient(fixture);
        var form = GraphStandInClient.ClientCredentials(Guid.NewGuid().ToString());
        var tenant = Guid.NewGuid().ToString();
        switch (defect)
        {
            case "no secret":
                form.Remove("client_secret");
                break;
            case "scope without /.default":
                form["scope"] = "https://graph.microsoft.com/GroupMember.Read.All";
                break;
            case "another resource":
                form["scope"] = "https://management.azure.com/.default";
                break;
            case "organizations tenant":
                tenant = "organizations";
                break;
        }

        var response = await graph.RequestTokenAsync(tenant, form);
        var body = await GraphStandInClient.JsonAsync(response);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (string?)body["error"]);
        Assert.StartsWith(aadsts + ":", (string?)body["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_app_must_present_its_secret_and_other_clients_are_unknown()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = Guid.NewGuid();
        var clientId = Guid.NewGuid().ToString();
        var register = await graph.ControlAsync(HttpMethod.Put, $"{tenant}/apps/{clientId}", new { secret = "right", consentGranted = true });

        var wrong = await graph.RequestTokenAsync(tenant.ToString(), GraphStandInClient.ClientCredentials(clientId, "wrong"));
        var stranger = await graph.RequestTokenAsync(tenant.ToString(), GraphStandInClient.ClientCredentials(Guid.NewGuid().ToString(), "right"));
        var right = await graph.RequestTokenAsync(tenant.ToString(), GraphStandInClient.ClientCredentials(clientId, "right"));

        Assert.Equal(HttpStatusCode.NoContent, register.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (string?)(await GraphStandInClient.JsonAsync(wrong))["error"]);
        Assert.StartsWith("AADSTS7000215:", (string?)(await GraphStandInClient.JsonAsync(wrong))["error_description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.StartsWith("AADSTS700016:", (string?)(await GraphStandInClient.JsonAsync(stranger))["error_description"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Graph_refuses_a_missing_or_forged_token_with_401_invalid_authentication_token()
    {
        using var graph = new GraphStandInClient(fixture);

        var missing = await graph.GetAsync("groups/delta?$select=members", token: null);
        var forged = await graph.GetAsync("groups/delta?$select=members", token: "eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.");
        var error = (await GraphStandInClient.JsonAsync(missing))["error"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("InvalidAuthenticationToken", (string?)error["code"]);
        Assert.Equal("Access token is empty.", (string?)error["message"]);
        Assert.False(string.IsNullOrEmpty((string?)error["innerError"]!["request-id"]));
        Assert.False(string.IsNullOrEmpty((string?)error["innerError"]!["date"]));
        Assert.StartsWith("Bearer", missing.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("InvalidAuthenticationToken", await GraphStandInClient.ErrorCodeAsync(forged));
    }

    [Fact]
    public async Task App_without_consent_gets_a_token_without_roles_and_graph_answers_403()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = Guid.NewGuid();
        var clientId = Guid.NewGuid().ToString();
        await graph.ControlAsync(HttpMethod.Put, $"{tenant}/apps/{clientId}", new { secret = "s", consentGranted = false });

        var token = await graph.TokenAsync(tenant, clientId, "s");
        var response = await graph.GetAsync("groups/delta?$select=members", token);

        Assert.DoesNotContain(new JsonWebToken(token).Claims, claim => claim.Type == "roles");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await GraphStandInClient.JsonAsync(response))["error"]!;
        Assert.Equal("Authorization_RequestDenied", (string?)error["code"]);
        Assert.Equal("Insufficient privileges to complete the operation.", (string?)error["message"]);
    }

    [Fact]
    public async Task First_delta_round_pages_with_next_links_repeating_a_large_group_and_ends_with_a_delta_link()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = new GraphTestTenant(fixture.Server.Services);
        tenant.Graph.Knobs.PageSize = 2;
        var members = GraphTestTenant.NewIds(3);
        var large = tenant.AddGroup(members, "Large");
        var token = await graph.TokenAsync(tenant.Id);

        var pages = await ReadRoundAsync(graph, $"groups/delta?$select=members,displayName&$filter=id eq '{large}'", token);

        Assert.Equal(2, pages.Count);
        Assert.Contains("$skiptoken=", (string?)pages[0]["@odata.nextLink"], StringComparison.Ordinal);
        Assert.Null(pages[0]["@odata.deltaLink"]);
        Assert.Contains("$deltatoken=", (string?)pages[1]["@odata.deltaLink"], StringComparison.Ordinal);
        Assert.Null(pages[1]["@odata.nextLink"]);
        Assert.EndsWith("/$metadata#groups(members,displayName)", (string?)pages[0]["@odata.context"], StringComparison.Ordinal);
        var objects = pages.SelectMany(page => page["value"]!.AsArray()).Select(item => item!.AsObject()).ToList();
        Assert.All(objects, item => Assert.Equal(large, (string?)item["id"]));
        Assert.All(objects, item => Assert.Equal("Large", (string?)item["displayName"]));
        var deltaMembers = objects.SelectMany(item => item["members@delta"]!.AsArray()).Select(member => member!.AsObject()).ToList();
        Assert.Equal(members.Order(StringComparer.Ordinal), deltaMembers.Select(member => (string)member["id"]!));
        Assert.All(deltaMembers, member => Assert.Equal(UserType, (string?)member["@odata.type"]));
    }

    [Fact]
    public async Task Delta_link_returns_member_changes_and_removed_groups()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = new GraphTestTenant(fixture.Server.Services);
        var members = GraphTestTenant.NewIds(2);
        var admins = tenant.AddGroup(members);
        var retired = tenant.AddGroup([], "Retired");
        var token = await graph.TokenAsync(tenant.Id);
        var first = await ReadRoundAsync(graph, $"groups/delta?$select=members&$filter=id eq '{admins}' or id eq '{retired}'", token);
        var joiner = Guid.NewGuid().ToString();
        tenant.Graph.ChangeMembers(admins, add: [joiner], remove: [members[0]]);
        tenant.Graph.DeleteGroup(retired, reason: "changed");

        var changes = await ReadRoundAsync(graph, (string)first[^1]["@odata.deltaLink"]!, token);

        var value = Assert.Single(changes)["value"]!.AsArray().Select(item => item!.AsObject()).ToList();
        var changed = Assert.Single(value, item => (string?)item["id"] == admins);
        var added = Assert.Single(changed["members@delta"]!.AsArray(), member => (string?)member!["id"] == joiner)!;
        var removed = Assert.Single(changed["members@delta"]!.AsArray(), member => (string?)member!["id"] == members[0])!;
        Assert.Null(added["@removed"]);
        Assert.Equal(UserType, (string?)removed["@odata.type"]);
        Assert.Equal("deleted", (string?)removed["@removed"]!["reason"]);
        var gone = Assert.Single(value, item => (string?)item["id"] == retired);
        Assert.Equal("changed", (string?)gone["@removed"]!["reason"]);
        Assert.Null(gone["members@delta"]);
    }

    [Fact]
    public async Task Latest_delta_token_gives_a_delta_link_without_data()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = new GraphTestTenant(fixture.Server.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(2));
        var token = await graph.TokenAsync(tenant.Id);

        var latest = await GraphStandInClient.JsonAsync(await graph.GetAsync($"groups/delta?$select=members&$filter=id eq '{admins}'&$deltatoken=latest", token));
        tenant.Graph.ChangeMembers(admins, add: [Guid.NewGuid().ToString()], remove: []);
        var changes = await ReadRoundAsync(graph, (string)latest["@odata.deltaLink"]!, token);

        Assert.Empty(latest["value"]!.AsArray());
        Assert.Null(latest["@odata.nextLink"]);
        var item = Assert.Single(Assert.Single(changes)["value"]!.AsArray())!;
        Assert.Single(item["members@delta"]!.AsArray());
    }

    [Fact]
    public async Task Expired_or_unknown_delta_tokens_get_graphs_resync_answers()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = new GraphTestTenant(fixture.Server.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        var token = await graph.TokenAsync(tenant.Id);
        var deltaLink = (string)(await ReadRoundAsync(graph, $"groups/delta?$select=members&$filter=id eq '{admins}'", token))[^1]["@odata.deltaLink"]!;

        var unknown = await graph.GetAsync("groups/delta?$deltatoken=not-a-token", token);
        tenant.Graph.ExpireDeltaTokens(DeltaExpiry.SyncStateNotFound);
        var expired = await graph.GetAsync(deltaLink, token);
        tenant.Graph.ExpireDeltaTokens(DeltaExpiry.ResyncRequired);
        var gone = await graph.GetAsync(deltaLink, token);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("syncStateNotFound", await GraphStandInClient.ErrorCodeAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("syncStateNotFound", await GraphStandInClient.ErrorCodeAsync(expired));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("resyncRequired", await GraphStandInClient.ErrorCodeAsync(gone));
        var location = gone.Headers.Location!.ToString();
        Assert.Contains("/graph/v1.0/groups/delta?$select=members", location, StringComparison.Ordinal);
        Assert.Contains(admins, Uri.UnescapeDataString(location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delta_filter_takes_at_most_fifty_ids()
    {
        using var graph = new GraphStandInClient(fixture);
        var token = await graph.TokenAsync(Guid.NewGuid());
        var filter = string.Join(" or ", GraphTestTenant.NewIds(51).Select(id => $"id eq '{id}'"));

        var response = await graph.GetAsync($"groups/delta?$select=members&$filter={Uri.EscapeDataString(filter)}", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Request_UnsupportedQuery", await GraphStandInClient.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Group_members_page_with_next_links_and_an_unknown_group_is_404()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = new GraphTestTenant(fixture.Server.Services);
        var members = GraphTestTenant.NewIds(3);
        var admins = tenant.AddGroup(members);
        var token = await graph.TokenAsync(tenant.Id);

        var first = await GraphStandInClient.JsonAsync(await graph.GetAsync($"groups/{admins}/members?$select=id&$top=2", token));
        var nextLink = (string)first["@odata.nextLink"]!;
        var second = await GraphStandInClient.JsonAsync(await graph.GetAsync(nextLink, token));
        var unknown = await graph.GetAsync($"groups/{Guid.NewGuid()}/members", token);
        var malformed = await graph.GetAsync("groups/not-a-guid/members", token);

        Assert.Equal(2, first["value"]!.AsArray().Count);
        Assert.Contains("$top=2", nextLink, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=", nextLink, StringComparison.Ordinal);
        Assert.Single(second["value"]!.AsArray());
        Assert.Null(second["@odata.nextLink"]);
        var all = first["value"]!.AsArray().Concat(second["value"]!.AsArray()).Select(member => member!.AsObject()).ToList();
        Assert.Equal(members.Order(StringComparer.Ordinal), all.Select(member => (string)member["id"]!));
        Assert.All(all, member => Assert.Equal(UserType, (string?)member["@odata.type"]));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Request_ResourceNotFound", await GraphStandInClient.ErrorCodeAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("Request_BadRequest", await GraphStandInClient.ErrorCodeAsync(malformed));
    }

    [Fact]
    public async Task Throttled_and_failing_graph_answer_429_and_503_with_retry_after()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = new GraphTestTenant(fixture.Server.Services);
        var token = await graph.TokenAsync(tenant.Id);
        tenant.Graph.Knobs.ThrottleNext(1, retryAfterSeconds: 7);
        tenant.Graph.Knobs.FailNext(1, retryAfterSeconds: 3);

        var throttled = await graph.GetAsync("groups", token);
        var failed = await graph.GetAsync("groups", token);
        var healthy = await graph.GetAsync("groups", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("TooManyRequests", await GraphStandInClient.ErrorCodeAsync(throttled));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), failed.Headers.RetryAfter?.Delta);
        Assert.Equal("serviceNotAvailable", await GraphStandInClient.ErrorCodeAsync(failed));
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(3, tenant.Graph.Counters.Requests);
        Assert.Equal(1, tenant.Graph.Counters.Throttled);
        Assert.Equal(1, tenant.Graph.Counters.Failed);
    }

    [Fact]
    public async Task Control_api_seeds_groups_and_steers_the_tenant_for_tools_outside_the_process()
    {
        using var graph = new GraphStandInClient(fixture);
        var tenant = Guid.NewGuid();
        var group = Guid.NewGuid().ToString();
        var members = GraphTestTenant.NewIds(3);
        var token = await graph.TokenAsync(tenant);

        var put = await graph.ControlAsync(HttpMethod.Put, $"{tenant}/groups/{group}", new { displayName = "Bench admins", members });
        var patch = await graph.ControlAsync(HttpMethod.Patch, $"{tenant}/groups/{group}/members", new { add = new[] { Guid.NewGuid().ToString() }, remove = new[] { members[0] } });
        var knobs = await graph.ControlAsync(HttpMethod.Put, $"{tenant}/knobs", new { pageSize = 1 });
        var page = await GraphStandInClient.JsonAsync(await graph.GetAsync($"groups/{group}/members", token));
        var expire = await graph.ControlAsync(HttpMethod.Post, $"{tenant}/delta-tokens/expire?answer=resyncRequired");
        var counters = await GraphStandInClient.JsonAsync(await graph.ControlAsync(HttpMethod.Get, $"{tenant}/counters"));
        var badMember = await graph.ControlAsync(HttpMethod.Put, $"{tenant}/groups/{group}", new { displayName = "x", members = new[] { "not-a-guid" } });
        var missing = await graph.ControlAsync(HttpMethod.Delete, $"{tenant}/groups/{Guid.NewGuid()}");
        var reset = await graph.ControlAsync(HttpMethod.Delete, $"{tenant}");
        var afterReset = await graph.GetAsync($"groups/{group}/members", token);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, knobs.StatusCode);
        Assert.Single(page["value"]!.AsArray());
        Assert.NotNull(page["@odata.nextLink"]);
        Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        Assert.Equal(1, (int)counters["memberRequests"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badMember.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterReset.StatusCode);
    }

    [Fact]
    public async Task Graph_and_its_control_api_answer_only_on_the_stand_ins_https_endpoint()
    {
        using var browser = fixture.CreateBrowserClient();

        var graph = await browser.GetAsync("/graph/v1.0/groups", TestContext.Current.CancellationToken);
        var control = await browser.GetAsync($"/graph-standin/{Guid.NewGuid()}/counters", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, graph.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, control.StatusCode);
    }

    /// <summary>Follows <c>@odata.nextLink</c> from <paramref name="first"/> until a page carries a delta link.</summary>
    private static async Task<List<JsonObject>> ReadRoundAsync(GraphStandInClient graph, string first, string token)
    {
        var pages = new List<JsonObject>();
        string? link = first;
        while (link is not null)
        {
            var response = await graph.GetAsync(link, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            var page = await GraphStandInClient.JsonAsync(response);
            pages.Add(page);
            link = (string?)page["@odata.nextLink"];
        }

        return pages;
    }
}
