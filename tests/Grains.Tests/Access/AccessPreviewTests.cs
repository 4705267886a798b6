using Microsoft.Extensions.DependencyInjection;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Access.Storage;
using Total.Grains.Directory.Storage;

using Total.Grains.Tests.Infrastructure;

namespace Total.Grains.Tests.Access;

/// <summary>
/// Looking at access (a console page, the operator's access read) decides from the provisioned data and changes
/// nothing: only what caused a change records it. The stale state here is one a lost recompute leaves behind.
/// </summary>
public sealed class AccessPreviewTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task A_preview_shows_what_the_rules_decide_now_and_stores_and_records_nothing()
    {
        var (tenant, ada) = await AdaInAdminsAsync();
        await LeaveAdminsWithoutTellingAnyGrainAsync(tenant, ada);

        var byUser = await fixture.Grains.GetGrain<IAccessDecisionGrain>(tenant).PreviewForUserAsync(ada);
        var byOid = await fixture.Grains.GetGrain<IAccessDecisionGrain>(tenant).PreviewAsync("oid-ada");

        Assert.False(byUser!.Admin);
        Assert.False(byOid!.Admin);
        Assert.True((await Access(tenant, ada).GetAsync()).Admin);
        Assert.DoesNotContain(await RevocationsAsync(tenant), e => e.UserId == ada);
    }

    [Fact]
    public async Task A_sign_in_decision_stores_and_records_what_it_finds_changed()
    {
        var (tenant, ada) = await AdaInAdminsAsync();
        await LeaveAdminsWithoutTellingAnyGrainAsync(tenant, ada);

        var decision = await fixture.Grains.GetGrain<IAccessDecisionGrain>(tenant).DecideAsync("oid-ada");

        Assert.False(decision!.Admin);
        Assert.False((await Access(tenant, ada).GetAsync()).Admin);
        Assert.Contains(await RevocationsAsync(tenant), e => e.UserId == ada);
    }

    private async Task<(string Tenant, string Ada)> AdaInAdminsAsync()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await fixture.Grains.GetGrain<ITenantGrain>(tenant).CreateAsync(new TenantRegistration("Contoso", Guid.NewGuid(), ["Admins"], [], null, null))).Outcome.Succeeded);
        var user = await fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, "ada"))
            .CreateAsync("""{"userName":"ada@contoso.example","externalId":"oid-ada","active":true}""");
        Assert.Equal(201, user.Status);
        var group = await fixture.Grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenant, "admins"))
            .CreateAsync("""{"displayName":"Admins","members":[{"value":"ada"}]}""");
        Assert.Equal(201, group.Status);
        Assert.True((await Access(tenant, "ada").GetAsync()).Admin);
        return (tenant, "ada");
    }

    /// <summary>The membership row goes, as if the group's recompute had been lost in a crash.</summary>
    private async Task LeaveAdminsWithoutTellingAnyGrainAsync(string tenant, string user) =>
        await fixture.SiloServices.GetRequiredService<IGroupMemberStore>().RemoveFromAllGroupsAsync(tenant, user);

    private async Task<IReadOnlyList<AccessEvent>> RevocationsAsync(string tenant) =>
        await fixture.Grains.GetGrain<IAccessLogGrain>(tenant).ReadAsync(new AccessLogQuery(null, 100, AccessEventKind.Revoked));

    private IUserAccessGrain Access(string tenant, string user) => fixture.Grains.GetGrain<IUserAccessGrain>(ScimKeys.Resource(tenant, user));
}
