using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;

using Total.Grains.Tests.Infrastructure;

namespace Total.Grains.Tests.Access;

/// <summary>
/// An admin-group entry names a group by one rule wherever it is matched: when a group is written (SCIM), when the
/// settings change (the tenant grain's look-up of newly named groups) and when access is decided. So the same entry
/// and group make the same admins whichever came first, and what is stored is what a console page shows.
/// </summary>
public sealed class AdminGroupEntryTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    /// <summary>An entry and a displayName; the last letters (final sigma, micro sign, Kelvin sign) are where case rules differ.</summary>
    public static TheoryData<string, string> Entries => new()
    {
        { "ADMINS", "Admins" },
        { "ΔΙΑΧΕΙΡΙΣΤΕΣ", "Διαχειριστες" },
        { "µ-ADMINS", "Μ-Admins" },
        { "\u212A-ADMINS", "k-admins" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task An_entry_makes_the_same_admins_whether_the_group_or_the_setting_came_first(string entry, string displayName)
    {
        var settingFirst = await TenantAsync([entry]);
        await GroupWithAdaAsync(settingFirst, displayName);

        var groupFirst = await TenantAsync([]);
        await GroupWithAdaAsync(groupFirst, displayName);
        Assert.True((await Tenant(groupFirst).UpdateGroupsAsync(new GroupsUpdate([entry], []))).Succeeded);

        Assert.Equal(await IsAdminAsync(settingFirst), await IsAdminAsync(groupFirst));
        Assert.Equal((await PreviewAsync(settingFirst)).Admin, await IsAdminAsync(settingFirst));
        Assert.Equal((await PreviewAsync(groupFirst)).Admin, await IsAdminAsync(groupFirst));
    }

    [Fact]
    public async Task Changing_an_entry_to_one_that_no_longer_names_the_group_recomputes_its_members()
    {
        // "ΔΙΑΧΕΙΡΙΣΤΕΣ" names the group "ΔΙΑΧΕΙΡΙΣΤΕΣ", a different group from "Διαχειριστες" in the directory.
        var tenant = await TenantAsync(["Διαχειριστες"]);
        await GroupWithAdaAsync(tenant, "Διαχειριστες");
        Assert.True(await IsAdminAsync(tenant));

        var outcome = await Tenant(tenant).UpdateGroupsAsync(new GroupsUpdate(["ΔΙΑΧΕΙΡΙΣΤΕΣ"], [], ConfirmedAdminAccessLoss: true));

        Assert.True(outcome.Succeeded);
        Assert.False((await PreviewAsync(tenant)).Admin);
        Assert.False(await IsAdminAsync(tenant));
    }

    private ITenantGrain Tenant(string tenant) => fixture.Grains.GetGrain<ITenantGrain>(tenant);

    private async Task<string> TenantAsync(IReadOnlyList<string> adminGroups)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await Tenant(tenant).CreateAsync(new TenantRegistration("Contoso", Guid.NewGuid(), adminGroups, [], null, null))).Outcome.Succeeded);
        return tenant;
    }

    private async Task GroupWithAdaAsync(string tenant, string displayName)
    {
        var user = await fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, "ada"))
            .CreateAsync("""{"userName":"ada@contoso.example","externalId":"oid-ada","active":true}""");
        Assert.Equal(201, user.Status);
        var group = await fixture.Grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenant, "admins"))
            .CreateAsync($$"""{"displayName":"{{displayName}}","members":[{"value":"ada"}]}""");
        Assert.Equal(201, group.Status);
    }

    private async Task<bool> IsAdminAsync(string tenant) =>
        (await fixture.Grains.GetGrain<IUserAccessGrain>(ScimKeys.Resource(tenant, "ada")).GetAsync()).Admin;

    private async Task<AccessDecision> PreviewAsync(string tenant) =>
        (await fixture.Grains.GetGrain<IAccessDecisionGrain>(tenant).PreviewForUserAsync("ada"))!;
}
