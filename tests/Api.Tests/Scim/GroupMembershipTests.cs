using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>Groups as Entra drives them (A.4.8–A.4.14): create empty, rename, add/remove members, membership checks, delete.</summary>
public abstract class GroupMembershipTests : ScimConformanceTests
{
    [Fact]
    public async Task Create_with_the_Entra_body_is_201_with_id_and_empty_members()
    {
        using var scim = await NewTenantAsync();
        var externalId = Guid.NewGuid().ToString();

        var response = await scim.PostAsync("Groups", EntraBodies.Group("Vendor-Admins", externalId));

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var group = response.Json;
        Assert.False(string.IsNullOrEmpty((string?)group["id"]));
        Assert.Equal("Vendor-Admins", (string?)group["displayName"]);
        Assert.Equal(externalId, (string?)group["externalId"]);
        Assert.Empty(group["members"]?.AsArray() ?? []);
        Assert.Equal("Group", (string?)group["meta"]!["resourceType"]);
        Assert.Equal($"{scim.Tenant.ScimBaseUrl}/Groups/{group["id"]}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Duplicate_displayName_is_409_uniqueness()
    {
        using var scim = await NewTenantAsync();
        await scim.CreateGroupAsync("Vendor-Admins");

        var response = await scim.PostAsync("Groups", EntraBodies.Group("vendor-admins", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("uniqueness", response.ScimType);
        Assert.Equal(1, (await scim.FilterAsync("Groups", "displayName eq \"Vendor-Admins\"", "excludedAttributes=members")).TotalResults);
    }

    [Fact]
    public async Task Rename_by_replace_displayName_is_204_and_renames()
    {
        using var scim = await NewTenantAsync();
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(EntraBodies.Op("Replace", "displayName", "\"Vendor-Admins-EU\"")));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal("Vendor-Admins-EU", (string?)(await scim.GetResourceAsync($"Groups/{groupId}"))["displayName"]);
        Assert.Equal(0, (await scim.FilterAsync("Groups", "displayName eq \"Vendor-Admins\"", "excludedAttributes=members")).TotalResults);
        Assert.Equal(1, (await scim.FilterAsync("Groups", "displayName eq \"Vendor-Admins-EU\"", "excludedAttributes=members")).TotalResults);
    }

    [Fact]
    public async Task Add_members_with_null_refs_is_204_and_adds_them()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var bob = await scim.CreateUserIdAsync(NewUpn("bob"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers([ada, bob]));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(new[] { ada, bob }.Order(StringComparer.Ordinal), await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Adding_a_present_member_again_is_204_and_lists_it_once()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.AddMembersAsync(groupId, ada);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers([ada]));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal([ada], await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Get_with_excludedAttributes_members_has_no_members()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.AddMembersAsync(groupId, ada);

        var group = await scim.GetResourceAsync($"Groups/{groupId}?excludedAttributes=members");

        Assert.Null(group["members"]);
        Assert.Equal("Vendor-Admins", (string?)group["displayName"]);
    }

    [Fact]
    public async Task Get_without_exclusion_lists_the_members()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.AddMembersAsync(groupId, ada);

        var group = await scim.GetResourceAsync($"Groups/{groupId}");

        Assert.Equal(ada, (string?)Assert.Single(group["members"]!.AsArray())!["value"]);
    }

    [Fact]
    public async Task Remove_with_value_list_removes_only_listed_members()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 3);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMembersLegacy(members[1]));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(new[] { members[0], members[2] }.Order(StringComparer.Ordinal), await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Remove_with_a_member_filter_path_removes_only_that_member()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 3);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMemberFlagged(members[0]));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(new[] { members[1], members[2] }.Order(StringComparer.Ordinal), await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Remove_of_members_without_value_removes_every_member()
    {
        using var scim = await NewTenantAsync();
        var (groupId, _) = await GroupWithMembersAsync(scim, 3);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(EntraBodies.Op("remove", "members", null)));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Empty(await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Put_with_members_replaces_the_member_list()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 2);
        var newcomer = await scim.CreateUserIdAsync(NewUpn("newcomer"));

        var response = await scim.PutAsync($"Groups/{groupId}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Vendor-Admins",
             "members":[{"value":"{{members[1]}}"},{"value":"{{newcomer}}"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(new[] { members[1], newcomer }.Order(StringComparer.Ordinal), await scim.MemberIdsAsync(groupId));
    }

    [Theory]
    [InlineData("members[value eq \"{0}\"]")]
    [InlineData("members eq \"{0}\"")]
    [InlineData("members.value eq \"{0}\"")]
    public async Task Membership_check_finds_the_group_when_the_user_is_a_member(string memberFilter)
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 2);

        var response = await scim.FilterAsync("Groups", $"id eq \"{groupId}\" and " + string.Format(System.Globalization.CultureInfo.InvariantCulture, memberFilter, members[1]), "excludedAttributes=members");

        Assert.Equal(1, response.TotalResults);
        var group = Assert.Single(response.Resources);
        Assert.Equal(groupId, (string?)group["id"]);
        Assert.Null(group["members"]);
    }

    [Theory]
    [InlineData("members[value eq \"{0}\"]")]
    [InlineData("members eq \"{0}\"")]
    [InlineData("members.value eq \"{0}\"")]
    public async Task Membership_check_finds_nothing_when_the_user_is_not_a_member(string memberFilter)
    {
        using var scim = await NewTenantAsync();
        var (groupId, _) = await GroupWithMembersAsync(scim, 2);
        var outsider = await scim.CreateUserIdAsync(NewUpn("outsider"));

        var response = await scim.FilterAsync("Groups", $"id eq \"{groupId}\" and " + string.Format(System.Globalization.CultureInfo.InvariantCulture, memberFilter, outsider), "excludedAttributes=members");

        Assert.Equal(0, response.TotalResults);
        Assert.Empty(response.Resources);
    }

    [Fact]
    public async Task Adding_an_unknown_id_as_member_is_400_invalidValue_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 1);
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers([ada, Guid.NewGuid().ToString()]));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidValue", response.ScimType);
        Assert.Equal(members, await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Adding_another_tenants_user_as_member_is_400_invalidValue_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        using var otherTenant = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 1);
        var foreignUser = await otherTenant.CreateUserIdAsync(NewUpn("foreign"));

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers([foreignUser]));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalidValue", response.ScimType);
        Assert.Equal(members, await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Delete_is_204_and_then_get_is_404()
    {
        using var scim = await NewTenantAsync();
        var (groupId, _) = await GroupWithMembersAsync(scim, 1);

        var response = await scim.DeleteAsync($"Groups/{groupId}");

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"Groups/{groupId}")).Status);
        Assert.Equal(0, (await scim.FilterAsync("Groups", "displayName eq \"Vendor-Admins\"", "excludedAttributes=members")).TotalResults);
    }

    [Fact]
    public async Task One_member_patches_work_on_a_group_with_two_thousand_members()
    {
        using var scim = await NewTenantAsync();
        var groupId = await scim.CreateGroupAsync("All-Staff");
        var userIds = await CreateUsersAsync(scim, 2000);
        foreach (var batch in userIds.Chunk(100))
        {
            await scim.AddMembersAsync(groupId, batch);
        }

        var newcomer = await scim.CreateUserIdAsync(NewUpn("newcomer"));
        var add = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers([newcomer]));
        var remove = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMembersLegacy(userIds[1234]));

        Assert.Equal(HttpStatusCode.NoContent, add.Status);
        Assert.Equal(HttpStatusCode.NoContent, remove.Status);
        var expected = userIds.Where(id => id != userIds[1234]).Append(newcomer).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await scim.MemberIdsAsync(groupId));
    }

    [Theory]
    [InlineData("members", "value")]
    [InlineData("Members", "value")]
    [InlineData("MEMBERS", "Value")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:members", "value")]
    public async Task Create_with_members_stores_them_whatever_the_case_of_their_name(string membersKey, string valueKey)
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));

        var response = await scim.PostAsync("Groups", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Vendor-Admins","{{membersKey}}":[{"{{valueKey}}":"{{ada}}"}]}
            """);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal([ada], await scim.MemberIdsAsync((string)response.Json["id"]!));
    }

    [Fact]
    public async Task Put_with_members_named_in_another_case_replaces_the_member_list()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 2);

        var response = await scim.PutAsync($"Groups/{groupId}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Vendor-Admins","Members":[{"Value":"{{members[1]}}"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal([members[1]], await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Replace_of_members_replaces_the_member_list()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 2);
        var newcomer = await scim.CreateUserIdAsync(NewUpn("newcomer"));

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(
            EntraBodies.Op("replace", "members", EntraBodies.MemberList([members[0], newcomer]))));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(new[] { members[0], newcomer }.Order(StringComparer.Ordinal), await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Remove_of_one_member_and_add_of_another_in_one_request_does_both()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 2);
        var newcomer = await scim.CreateUserIdAsync(NewUpn("newcomer"));

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(
            EntraBodies.Op("remove", $"members[value eq \"{members[0]}\"]", null),
            EntraBodies.Op("add", "members", EntraBodies.MemberList([newcomer]))));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(new[] { members[1], newcomer }.Order(StringComparer.Ordinal), await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Removing_a_non_member_is_204_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 2);
        var outsider = await scim.CreateUserIdAsync(NewUpn("outsider"));

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMembersLegacy(outsider));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(members, await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Patch_renaming_and_adding_an_unknown_member_is_400_and_applies_neither()
    {
        using var scim = await NewTenantAsync();
        var (groupId, members) = await GroupWithMembersAsync(scim, 1);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(
            EntraBodies.Op("Replace", "displayName", "\"Renamed\""),
            EntraBodies.Op("Add", "members", EntraBodies.MemberList([Guid.NewGuid().ToString()]))));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Vendor-Admins", (string?)(await scim.GetResourceAsync($"Groups/{groupId}"))["displayName"]);
        Assert.Equal(members, await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Patch_asking_for_members_answers_200_with_them()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");

        var response = await scim.PatchAsync($"Groups/{groupId}?attributes=members", EntraBodies.AddMembers([ada]));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(ada, (string?)Assert.Single(response.Json["members"]!.AsArray())!["value"]);
    }

    [Fact]
    public async Task Deleted_group_is_no_longer_a_member_of_other_groups()
    {
        using var scim = await NewTenantAsync();
        var inner = await scim.CreateGroupAsync("Inner");
        var outer = await scim.CreateGroupAsync("Outer");
        await scim.AddMembersAsync(outer, inner);

        await scim.DeleteAsync($"Groups/{inner}");

        Assert.Empty(await scim.MemberIdsAsync(outer));
    }

    [Fact]
    public async Task Deleted_groups_displayName_can_be_reused_by_a_new_empty_group()
    {
        using var scim = await NewTenantAsync();
        var (groupId, _) = await GroupWithMembersAsync(scim, 2);
        await scim.DeleteAsync($"Groups/{groupId}");

        var recreated = await scim.PostAsync("Groups", EntraBodies.Group("Vendor-Admins", Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Created, recreated.Status);
        Assert.Empty(await scim.MemberIdsAsync((string)recreated.Json["id"]!));
    }

    [Fact]
    public async Task Group_patch_with_a_stale_If_Match_is_412_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var created = await scim.PostAsync("Groups", EntraBodies.Group("Vendor-Admins", Guid.NewGuid().ToString()));
        var groupId = (string)created.Json["id"]!;
        await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(EntraBodies.Op("Replace", "displayName", "\"Renamed\"")));

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(EntraBodies.Op("Replace", "displayName", "\"Again\"")), ifMatch: created.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.Status);
        Assert.Equal("Renamed", (string?)(await scim.GetResourceAsync($"Groups/{groupId}"))["displayName"]);
    }

    private static async Task<(string GroupId, IReadOnlyList<string> Members)> GroupWithMembersAsync(EntraScimClient scim, int memberCount)
    {
        var members = await CreateUsersAsync(scim, memberCount);
        var groupId = await scim.CreateGroupAsync("Vendor-Admins");
        await scim.AddMembersAsync(groupId, members);
        return (groupId, members.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Creates users a few at a time (as Entra's parallel workers do); returns their ids in creation order.</summary>
    private static async Task<IReadOnlyList<string>> CreateUsersAsync(EntraScimClient scim, int count)
    {
        var ids = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, async (i, _) =>
            ids[i] = await scim.CreateUserIdAsync(NewUpn($"member{i}")));
        return ids;
    }
}

public sealed class EmbeddedGroupMembershipTests(EmbeddedScimServer fixture) : GroupMembershipTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeGroupMembershipTests(SingleNodeScimServer fixture) : GroupMembershipTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
