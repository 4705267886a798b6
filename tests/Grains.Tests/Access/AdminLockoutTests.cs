using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;

using Total.Grains.Tests.Infrastructure;

namespace Total.Grains.Tests.Access;

/// <summary>
/// The lockout rule of the tenant grain, shared by the console and the operator API: a change of the admin groups that
/// takes access from every active admin, or ends the console admin's own access, changes nothing until it is confirmed.
/// </summary>
public sealed class AdminLockoutTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Taking_access_from_every_admin_is_refused_naming_them_and_changes_nothing()
    {
        var tenant = await TenantAsync();
        var ada = await UserAsync(tenant, "ada");
        await GroupAsync(tenant, "Admins", ada);

        var outcome = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate([], []));

        Assert.Equal(TenantOutcomeKind.AdminAccessLoss, outcome.Kind);
        Assert.True(outcome.AdminAccessLoss!.TakesEveryAdmin);
        Assert.Equal([new AdminIdentity(ada, "ada@contoso.example", "oid-ada")], outcome.AdminAccessLoss.LosingAccess);
        Assert.Equal(["Admins"], (await Grain(tenant).GetAsync())!.AdminGroups);
        Assert.True(await IsAdminAsync(tenant, ada));
    }

    [Fact]
    public async Task A_confirmed_change_takes_access_from_every_admin()
    {
        var tenant = await TenantAsync();
        var ada = await UserAsync(tenant, "ada");
        await GroupAsync(tenant, "Admins", ada);

        var outcome = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate([], [], ConfirmedAdminAccessLoss: true));

        Assert.True(outcome.Succeeded);
        Assert.False(await IsAdminAsync(tenant, ada));
    }

    [Fact]
    public async Task A_tenant_without_admins_yet_sets_its_groups_freely()
    {
        var tenant = await TenantAsync();

        var outcome = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate([], ["All-Staff"]));

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task Moving_access_from_every_admin_to_other_people_needs_confirmation()
    {
        var (tenant, ada, bob) = await AdaAdminAndBobInHelpdeskAsync();

        var outcome = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate(["Helpdesk"], []));

        Assert.True(outcome.AdminAccessLoss!.TakesEveryAdmin);
        Assert.True(await IsAdminAsync(tenant, ada));
        Assert.False(await IsAdminAsync(tenant, bob));
    }

    [Fact]
    public async Task A_handover_in_two_steps_new_group_first_needs_no_confirmation()
    {
        var (tenant, ada, bob) = await AdaAdminAndBobInHelpdeskAsync();

        var added = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate(["Admins", "Helpdesk"], []));
        var removed = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate(["Helpdesk"], []));

        Assert.True(added.Succeeded);
        Assert.True(removed.Succeeded);
        Assert.False(await IsAdminAsync(tenant, ada));
        Assert.True(await IsAdminAsync(tenant, bob));
    }

    [Fact]
    public async Task Ending_the_acting_admins_own_access_is_refused_although_others_keep_theirs()
    {
        var (tenant, ada, bob) = await AdaAdminAndBobInHelpdeskAsync();
        Assert.True((await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate(["Admins", "Helpdesk"], []))).Succeeded);

        var outcome = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate(["Helpdesk"], [], ActingUserId: ada));

        Assert.Equal(TenantOutcomeKind.AdminAccessLoss, outcome.Kind);
        Assert.False(outcome.AdminAccessLoss!.TakesEveryAdmin);
        Assert.True(outcome.AdminAccessLoss.EndsActingAdminsAccess);
        Assert.True(await IsAdminAsync(tenant, ada));
        Assert.True(await IsAdminAsync(tenant, bob));
    }

    [Fact]
    public async Task Changing_only_the_monitored_groups_never_needs_confirmation()
    {
        var tenant = await TenantAsync();
        var ada = await UserAsync(tenant, "ada");
        await GroupAsync(tenant, "Admins", ada);

        var outcome = await Grain(tenant).UpdateGroupsAsync(new GroupsUpdate(["admins"], ["All-Staff"], ActingUserId: ada));

        Assert.True(outcome.Succeeded);
    }

    /// <summary>A tenant whose admin is Ada (in Admins), with Bob, active, in the Helpdesk group, which is no admin group yet.</summary>
    private async Task<(string Tenant, string Ada, string Bob)> AdaAdminAndBobInHelpdeskAsync()
    {
        var tenant = await TenantAsync();
        var ada = await UserAsync(tenant, "ada");
        var bob = await UserAsync(tenant, "bob");
        await GroupAsync(tenant, "Admins", ada);
        await GroupAsync(tenant, "Helpdesk", bob);
        return (tenant, ada, bob);
    }

    private ITenantGrain Grain(string tenant) => fixture.Grains.GetGrain<ITenantGrain>(tenant);

    private async Task<string> TenantAsync()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        var creation = await Grain(tenant).CreateAsync(new TenantRegistration("Contoso", Guid.NewGuid(), ["Admins"], [], null, null));
        Assert.True(creation.Outcome.Succeeded);
        return tenant;
    }

    private async Task<string> UserAsync(string tenant, string name, bool active = true)
    {
        var outcome = await fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, name))
            .CreateAsync($$"""{"userName":"{{name}}@contoso.example","externalId":"oid-{{name}}","active":{{(active ? "true" : "false")}}}""");
        Assert.Equal(201, outcome.Status);
        return name;
    }

    private async Task GroupAsync(string tenant, string displayName, string member)
    {
        var outcome = await fixture.Grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenant, displayName.ToLowerInvariant()))
            .CreateAsync($$"""{"displayName":"{{displayName}}","members":[{"value":"{{member}}"}]}""");
        Assert.Equal(201, outcome.Status);
    }

    private async Task<bool> IsAdminAsync(string tenant, string userId) =>
        (await fixture.Grains.GetGrain<IUserAccessGrain>(ScimKeys.Resource(tenant, userId)).GetAsync()).Admin;
}
