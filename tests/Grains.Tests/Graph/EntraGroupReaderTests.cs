using System.Diagnostics;
using Total.DevStandIns.Entra;
using Total.DevStandIns.Graph;
using Total.Grains.Graph;

namespace Total.Grains.Tests.Graph;

/// <summary>
/// The product's Graph reader (Microsoft Graph SDK + Azure.Identity) against the Graph stand-in over real HTTPS:
/// snapshots across pages, delta changes, the expired-link fallback, throttling, outages and refused access.
/// </summary>
public sealed class EntraGroupReaderTests(GraphStandInHost fixture) : IClassFixture<GraphStandInHost>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_read_merges_a_large_group_split_over_pages_into_a_snapshot()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        tenant.Graph.Knobs.PageSize = 100;
        var largeMembers = GraphTestTenant.NewIds(250);
        var smallMembers = GraphTestTenant.NewIds(3);
        var large = tenant.AddGroup(largeMembers);
        var small = tenant.AddGroup(smallMembers);
        var empty = tenant.AddGroup([]);
        var missing = Guid.NewGuid().ToString();
        tenant.AddGroup(GraphTestTenant.NewIds(5), "Not asked for");

        var read = await tenant.ReadAsync([large, small, empty, missing]);

        Assert.True(read.IsFullSnapshot);
        Assert.False(read.DeltaExpired);
        Assert.Equal(largeMembers.ToHashSet(), read.Added[large]);
        Assert.Equal(smallMembers.ToHashSet(), read.Added[small]);
        Assert.Empty(read.Added[empty]);
        Assert.Equal(3, read.Added.Count);
        Assert.Empty(read.Removed);
        Assert.Equal([missing], read.DeletedGroups);
        Assert.Contains("$deltatoken=", read.DeltaLink, StringComparison.Ordinal);
        Assert.Equal(3, tenant.Graph.Counters.DeltaRequests);
        Assert.Equal(3, read.Requests);
        Assert.Equal(0, read.ThrottledResponses);
    }

    [Fact]
    public async Task Delta_read_reports_an_added_and_a_removed_member_and_a_deleted_group()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var members = GraphTestTenant.NewIds(4);
        var admins = tenant.AddGroup(members);
        var helpdesk = tenant.AddGroup(GraphTestTenant.NewIds(2), "Helpdesk");
        var first = await tenant.ReadAsync([admins, helpdesk]);
        var joiner = Guid.NewGuid().ToString();
        tenant.Graph.ChangeMembers(admins, add: [joiner], remove: [members[1]]);
        tenant.Graph.DeleteGroup(helpdesk);

        var changes = await tenant.ReadAsync([admins, helpdesk], first.DeltaLink);

        Assert.False(changes.IsFullSnapshot);
        Assert.False(changes.DeltaExpired);
        Assert.Equal([joiner], changes.Added[admins]);
        Assert.Equal([members[1]], changes.Removed[admins]);
        Assert.Equal([helpdesk], changes.DeletedGroups);
        Assert.DoesNotContain(helpdesk, changes.Added.Keys);
        Assert.NotEqual(first.DeltaLink, changes.DeltaLink);
    }

    [Fact]
    public async Task Reads_of_the_same_app_reuse_its_token_and_a_new_secret_gets_a_new_one()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));

        var first = await tenant.ReadAsync([admins]);
        await tenant.ReadAsync([admins], first.DeltaLink);
        var afterTwoReads = tenant.Graph.Counters.TokensIssued;
        await tenant.ReadAsync([admins], credentials: tenant.Credentials with { ClientSecret = "rotated-secret" });

        Assert.Equal(1, afterTwoReads);
        Assert.Equal(2, tenant.Graph.Counters.TokensIssued);
    }

    [Fact]
    public async Task Delta_read_without_changes_reports_nothing()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(3));
        var first = await tenant.ReadAsync([admins]);

        var changes = await tenant.ReadAsync([admins], first.DeltaLink);

        Assert.False(changes.IsFullSnapshot);
        Assert.Empty(changes.Added);
        Assert.Empty(changes.Removed);
        Assert.Empty(changes.DeletedGroups);
    }

    [Theory]
    [InlineData(DeltaExpiry.SyncStateNotFound)]
    [InlineData(DeltaExpiry.ResyncRequired)]
    public async Task Expired_delta_link_falls_back_to_listing_every_member(DeltaExpiry answer)
    {
        var tenant = new GraphTestTenant(fixture.Services);
        tenant.Graph.Knobs.PageSize = 50;
        var members = GraphTestTenant.NewIds(120);
        var admins = tenant.AddGroup(members);
        var gone = tenant.AddGroup(GraphTestTenant.NewIds(1));
        var first = await tenant.ReadAsync([admins, gone]);
        tenant.Graph.ExpireDeltaTokens(answer);
        var joiner = Guid.NewGuid().ToString();
        tenant.Graph.ChangeMembers(admins, add: [joiner], remove: [members[0]]);
        tenant.Graph.DeleteGroup(gone);

        var read = await tenant.ReadAsync([admins, gone], first.DeltaLink);

        Assert.True(read.DeltaExpired);
        Assert.True(read.IsFullSnapshot);
        Assert.Equal(members.Skip(1).Append(joiner).ToHashSet(), read.Added[admins]);
        Assert.Empty(read.Removed);
        Assert.Equal([gone], read.DeletedGroups);
        Assert.Equal(3, tenant.Graph.Counters.MemberRequests);
        var later = await tenant.ReadAsync([admins, gone], read.DeltaLink);
        Assert.False(later.IsFullSnapshot);
        Assert.Empty(later.Added);
    }

    [Fact]
    public async Task Delta_link_of_another_graph_host_falls_back_to_listing_and_later_changes_follow_by_delta()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(2));
        var listed = await tenant.ReadAsync([admins], "https://127.0.0.1:1/graph/v1.0/groups/delta?$deltatoken=from-another-graph");
        var joiner = Guid.NewGuid().ToString();
        tenant.Graph.ChangeMembers(admins, add: [joiner], remove: []);

        var changes = await tenant.ReadAsync([admins], listed.DeltaLink);

        Assert.True(listed.DeltaExpired);
        Assert.Equal([joiner], changes.Added[admins]);
    }

    [Fact]
    public async Task Throttled_request_is_retried_after_its_Retry_After_and_counted()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(3));
        tenant.Graph.Knobs.ThrottleNext(1, retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();

        var read = await tenant.ReadAsync([admins]);

        Assert.Equal(3, read.Added[admins].Count);
        Assert.Equal(1, read.ThrottledResponses);
        Assert.Equal(2, read.Requests);
        Assert.Equal(1, tenant.Graph.Counters.Throttled);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited only {clock.Elapsed}");
    }

    [Fact]
    public async Task Retry_After_beyond_the_cap_fails_at_once_as_throttled()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        tenant.Graph.Knobs.ThrottleNext(1, retryAfterSeconds: 120);

        var failure = await Assert.ThrowsAsync<GraphAccessException>(() => tenant.ReadAsync([admins]));

        Assert.Equal(GraphFailure.Throttled, failure.Failure);
        Assert.Contains("120 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, tenant.Graph.Counters.Requests); // gave up without waiting for a retry
    }

    [Fact]
    public async Task Service_unavailable_is_retried()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(2));
        tenant.Graph.Knobs.FailNext(1, retryAfterSeconds: 0);

        var read = await tenant.ReadAsync([admins]);

        Assert.Equal(2, read.Added[admins].Count);
        Assert.Equal(2, read.Requests);
        Assert.Equal(1, tenant.Graph.Counters.Failed);
    }

    [Theory]
    [InlineData(429, GraphFailure.Throttled)]
    [InlineData(503, GraphFailure.Unavailable)]
    public async Task Answers_that_persist_beyond_the_retries_fail_the_read(int status, GraphFailure expected)
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        if (status == 429)
        {
            tenant.Graph.Knobs.ThrottleNext(10, retryAfterSeconds: 0);
        }
        else
        {
            tenant.Graph.Knobs.FailNext(10, retryAfterSeconds: 0);
        }

        var failure = await Assert.ThrowsAsync<GraphAccessException>(() => tenant.ReadAsync([admins]));

        Assert.Equal(expected, failure.Failure);
        Assert.Contains("after every retry", failure.Message, StringComparison.Ordinal);
        Assert.Equal(4, tenant.Graph.Counters.Requests);
    }

    [Fact]
    public async Task Graph_slower_than_the_request_timeout_fails_as_unavailable()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        tenant.Graph.Knobs.ResponseDelay = TimeSpan.FromSeconds(6);

        var failure = await Assert.ThrowsAsync<GraphAccessException>(() => tenant.ReadAsync([admins]));

        Assert.Equal(GraphFailure.Unavailable, failure.Failure);
        Assert.Contains("Graph:RequestTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_fails_as_invalid_credentials_without_echoing_the_secret()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        tenant.Apps.Register(tenant.Id, new StandInAppRegistration(tenant.Credentials.ClientId, "the-right-secret", ConsentGranted: true));
        var wrong = tenant.Credentials with { ClientSecret = "the-wrong-secret" };

        var failure = await Assert.ThrowsAsync<GraphAccessException>(() => tenant.ReadAsync([admins], credentials: wrong));

        Assert.Equal(GraphFailure.InvalidCredentials, failure.Failure);
        Assert.Contains("AADSTS7000215", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the-wrong-secret", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the-right-secret", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, tenant.Graph.Counters.Requests);
    }

    [Fact]
    public async Task Right_secret_of_a_registered_app_reads()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(2));
        tenant.Apps.Register(tenant.Id, new StandInAppRegistration(tenant.Credentials.ClientId, tenant.Credentials.ClientSecret, ConsentGranted: true));

        var read = await tenant.ReadAsync([admins]);

        Assert.Equal(2, read.Added[admins].Count);
    }

    [Fact]
    public async Task Missing_consent_fails_as_permission_missing()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        tenant.Apps.Register(tenant.Id, new StandInAppRegistration(tenant.Credentials.ClientId, tenant.Credentials.ClientSecret, ConsentGranted: false));

        var failure = await Assert.ThrowsAsync<GraphAccessException>(() => tenant.ReadAsync([admins]));

        Assert.Equal(GraphFailure.PermissionMissing, failure.Failure);
        Assert.Contains("GroupMember.Read.All", failure.Message, StringComparison.Ordinal);
        Assert.Contains("admin consent", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_revoked_after_a_read_fails_the_next_one_as_permission_missing()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        var first = await tenant.ReadAsync([admins]);
        tenant.Apps.SetConsent(tenant.Id, tenant.Credentials.ClientId, granted: false);

        var failure = await Assert.ThrowsAsync<GraphAccessException>(() => tenant.ReadAsync([admins], first.DeltaLink));

        Assert.Equal(GraphFailure.PermissionMissing, failure.Failure);
        Assert.Equal(1, tenant.Graph.Counters.Denied);
    }

    [Fact]
    public async Task Probe_proves_access_and_names_a_group_that_does_not_exist()
    {
        var tenant = new GraphTestTenant(fixture.Services);
        var admins = tenant.AddGroup(GraphTestTenant.NewIds(1));
        var missing = Guid.NewGuid().ToString();

        await tenant.Reader.ProbeAsync(tenant.Credentials, [admins], Cancel);
        await tenant.Reader.ProbeAsync(tenant.Credentials, [], Cancel);
        var failure = await Assert.ThrowsAsync<GraphAccessException>(() => tenant.Reader.ProbeAsync(tenant.Credentials, [missing], Cancel));

        Assert.Equal(GraphFailure.GroupNotFound, failure.Failure);
        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, tenant.Graph.Counters.GroupListRequests);
    }

    [Fact]
    public async Task More_than_fifty_groups_or_a_non_guid_id_are_refused_before_any_request()
    {
        var tenant = new GraphTestTenant(fixture.Services);

        await Assert.ThrowsAsync<ArgumentException>(() => tenant.ReadAsync(GraphTestTenant.NewIds(51)));
        await Assert.ThrowsAsync<ArgumentException>(() => tenant.ReadAsync(["id eq 'x') or (true"]));
        await Assert.ThrowsAsync<ArgumentException>(() => tenant.ReadAsync([]));
        Assert.Equal(0, tenant.Graph.Counters.Requests);
    }
}
