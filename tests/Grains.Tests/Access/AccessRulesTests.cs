using Total.Grains.Access;

namespace Total.Grains.Tests.Access;

public sealed class AccessRulesTests
{
    private static readonly AccessRules.MemberGroup Admins = new("g1", "TOTAL-Admins", "2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21");
    private static readonly AccessRules.MemberGroup Staff = new("g2", "All-Staff", "0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02");
    private static readonly AccessRules.MemberGroup Other = new("g3", "Sales", null);

    [Fact]
    public void Member_of_admin_group_is_admin()
    {
        var decision = AccessRules.Decide("u", active: true, [Admins], ["TOTAL-Admins"], [], monitorUsersOutsideGroups: true);

        Assert.True(decision.Admin);
    }

    [Fact]
    public void Admin_group_can_be_named_by_object_id_in_any_case()
    {
        var decision = AccessRules.Decide("u", true, [Admins], ["2B7C9D10-55AA-4F1E-8C3B-7D6E5F4A3B21"], [], true);

        Assert.True(decision.Admin);
    }

    [Fact]
    public void Disabled_user_is_never_admin_or_monitored()
    {
        var decision = AccessRules.Decide("u", active: false, [Admins, Staff], ["TOTAL-Admins"], ["All-Staff"], true);

        Assert.False(decision.Admin);
        Assert.False(decision.Monitored);
        Assert.False(decision.Active);
    }

    [Fact]
    public void Admin_is_not_monitored_unless_in_a_monitored_group()
    {
        var adminOnly = AccessRules.Decide("u", true, [Admins], ["TOTAL-Admins"], ["All-Staff"], true);
        var adminAndStaff = AccessRules.Decide("u", true, [Admins, Staff], ["TOTAL-Admins"], ["All-Staff"], true);

        Assert.False(adminOnly.Monitored);
        Assert.True(adminAndStaff.Monitored);
    }

    [Fact]
    public void User_outside_every_group_is_monitored_unless_the_tenant_turned_it_off()
    {
        var on = AccessRules.Decide("u", true, [], ["TOTAL-Admins"], ["All-Staff"], monitorUsersOutsideGroups: true);
        var off = AccessRules.Decide("u", true, [], ["TOTAL-Admins"], ["All-Staff"], monitorUsersOutsideGroups: false);

        Assert.True(on.Monitored);
        Assert.False(off.Monitored);
    }

    [Fact]
    public void User_in_an_unrelated_group_is_neither_admin_nor_monitored()
    {
        var decision = AccessRules.Decide("u", true, [Other], ["TOTAL-Admins"], ["All-Staff"], true);

        Assert.False(decision.Admin);
        Assert.False(decision.Monitored);
        Assert.Contains(decision.Reasons, r => r.Contains("Not admin", StringComparison.Ordinal));
    }

    [Fact]
    public void No_admin_groups_configured_says_so()
    {
        var decision = AccessRules.Decide("u", true, [Admins], [], [], true);

        Assert.False(decision.Admin);
        Assert.Contains(decision.Reasons, r => r.Contains("no admin groups configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Graph_veto_takes_admin_away_but_keeps_what_scim_says()
    {
        var decision = AccessRules.Decide("u", true, [Admins, Other], ["TOTAL-Admins", "Sales"], [], true, graphDenied: true);

        Assert.False(decision.Admin);
        Assert.True(decision.ScimAdmin);
        Assert.Equal(["2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21", ""], decision.AdminGroupExternalIds);
        Assert.Contains(decision.Reasons, r => r.Contains("Microsoft Graph", StringComparison.Ordinal));
    }

    [Fact]
    public void Graph_veto_never_grants()
    {
        var decision = AccessRules.Decide("u", true, [Staff], ["TOTAL-Admins"], ["All-Staff"], true, graphDenied: false);

        Assert.False(decision.Admin);
        Assert.False(decision.ScimAdmin);
        Assert.Empty(decision.AdminGroupExternalIds!);
    }
}
