using Total.Grains.Abstractions.Access;
using Total.Grains.Access;

namespace Total.Grains.Tests.Access;

/// <summary>Which changes can change admin access: the one home every grain asks before it recomputes.</summary>
public sealed class AccessChangesTests
{
    private const string Oid = "2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21";

    [Theory]
    [InlineData(true, false, Oid, Oid, "disabled (active = false)")]
    [InlineData(false, true, Oid, Oid, "enabled (active = true)")]
    [InlineData(true, true, Oid, "0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02", "given another externalId")]
    [InlineData(true, true, null, Oid, "given another externalId")]
    public void A_user_write_changes_access_when_it_disables_enables_or_changes_the_identity(bool wasActive, bool isActive, string? before, string? after, string what) =>
        Assert.Equal(what, AccessChanges.OfUserWrite(wasActive, isActive, before, after));

    [Fact]
    public void A_user_write_that_only_changes_the_case_of_the_object_id_changes_no_access() =>
        Assert.Null(AccessChanges.OfUserWrite(true, true, Oid, Oid.ToUpperInvariant()));

    [Theory]
    [InlineData(false, true, false, GroupWriteImpact.EveryMember)]
    [InlineData(true, false, false, GroupWriteImpact.EveryMember)]
    [InlineData(true, true, true, GroupWriteImpact.MembersChanged)]
    [InlineData(true, true, false, GroupWriteImpact.Nobody)]
    [InlineData(false, false, true, GroupWriteImpact.Nobody)]
    public void A_group_write_changes_the_access_of_every_member_of_those_who_joined_or_left_or_of_nobody(bool wasAdminGroup, bool isAdminGroup, bool membersChanged, GroupWriteImpact impact) =>
        Assert.Equal(impact, AccessChanges.OfGroupWrite(wasAdminGroup, isAdminGroup, membersChanged));

    [Fact]
    public void Creating_a_group_changes_every_members_access_only_when_it_is_an_admin_group()
    {
        Assert.Equal(GroupWriteImpact.EveryMember, AccessChanges.OfGroupCreate(isAdminGroup: true));
        Assert.Equal(GroupWriteImpact.Nobody, AccessChanges.OfGroupCreate(isAdminGroup: false));
    }

    [Fact]
    public void Deleting_a_group_changes_every_members_access_only_when_it_was_an_admin_group()
    {
        Assert.Equal(GroupWriteImpact.EveryMember, AccessChanges.OfGroupDelete(wasAdminGroup: true));
        Assert.Equal(GroupWriteImpact.Nobody, AccessChanges.OfGroupDelete(wasAdminGroup: false));
    }

    [Fact]
    public void A_group_is_an_admin_group_when_an_entry_names_it_by_displayName_or_object_id()
    {
        Assert.True(AccessChanges.IsAdminGroup(["Sales", "total-admins"], "TOTAL-Admins", null));
        Assert.True(AccessChanges.IsAdminGroup([Oid.ToUpperInvariant()], "Renamed", Oid));
        Assert.False(AccessChanges.IsAdminGroup(["Sales"], "TOTAL-Admins", Oid));
    }

    [Fact]
    public void Admin_groups_changed_only_when_they_name_other_groups()
    {
        Assert.False(AccessChanges.AdminGroupsChanged(["Admins", "Helpdesk"], ["HELPDESK", "admins"]));
        Assert.True(AccessChanges.AdminGroupsChanged(["Admins"], ["Admins", "Helpdesk"]));
        Assert.True(AccessChanges.AdminGroupsChanged(["Διαχειριστες"], ["ΔΙΑΧΕΙΡΙΣΤΕΣ"]));
    }

    [Fact]
    public void New_admin_groups_are_the_entries_that_name_groups_no_earlier_entry_named() =>
        Assert.Equal(["Helpdesk"], AccessChanges.NewAdminGroups(["Admins"], ["ADMINS", "Helpdesk"]));

    [Theory]
    [InlineData(true, false, false, true, true)]
    [InlineData(true, false, false, false, false)]
    [InlineData(true, true, true, true, false)]
    [InlineData(false, true, false, true, true)]
    [InlineData(false, true, true, true, false)]
    [InlineData(false, false, false, true, false)]
    public void Graph_denies_a_scim_admin_it_finds_in_no_admin_group_it_covers_and_never_grants(bool scimAdmin, bool deniedBefore, bool inEntraAdminGroup, bool covered, bool denies) =>
        Assert.Equal(denies, AccessChanges.GraphDenies(scimAdmin, deniedBefore, inEntraAdminGroup, covered));

    [Theory]
    [InlineData(false, true, Oid, false, true)]
    [InlineData(true, false, Oid, true, false)]
    [InlineData(true, true, Oid, false, false)]
    [InlineData(true, true, "0e4c1a77-2d9b-4f60-8a13-5b7c6d8e9f02", true, true)]
    [InlineData(false, false, Oid, false, false)]
    public void A_recompute_revokes_what_is_held_by_a_non_admin_or_another_identity_and_grants_an_admin_without_access(bool held, bool admin, string externalId, bool revokes, bool grants)
    {
        var stored = UserAccess.None with { Admin = held, ExternalId = Oid, Revision = held ? 1 : 0 };

        Assert.Equal((revokes, grants), AccessChanges.OfRecompute(stored, admin, externalId));
    }

    [Fact]
    public void A_recompute_keeps_the_access_of_an_admin_whose_object_id_only_changed_case() =>
        Assert.Equal((false, false), AccessChanges.OfRecompute(UserAccess.None with { Admin = true, ExternalId = Oid, Revision = 1 }, true, Oid.ToUpperInvariant()));
}
