using System.Net;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;

namespace Total.Api.Tests.Scim;

/// <summary>
/// A group's <c>meta.version</c> (its ETag) and <c>lastModified</c> move with every change of the group, its members
/// included (RFC 7644 §3.14; ServiceProviderConfig advertises ETags), so an <c>If-Match</c> from before a membership
/// change is 412. A request that changes nothing leaves both as they were.
/// </summary>
public abstract class GroupVersionTests : ScimConformanceTests
{
    [Fact]
    public async Task Adding_a_member_gives_the_group_a_new_version_and_lastModified()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, before) = await NewGroupAsync(scim);

        await scim.AddMembersAsync(groupId, ada);

        var (after, etag) = await ReadAsync(scim, groupId);
        AssertNewVersion(before, after);
        Assert.Equal(Version(after), etag);
    }

    [Fact]
    public async Task Removing_a_member_gives_the_group_a_new_version_and_lastModified()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, _) = await NewGroupAsync(scim);
        await scim.AddMembersAsync(groupId, ada);
        var (before, _) = await ReadAsync(scim, groupId);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMembersLegacy(ada));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        AssertNewVersion(before, (await ReadAsync(scim, groupId)).Group);
    }

    [Fact]
    public async Task Patch_with_the_If_Match_from_before_a_member_was_added_is_412_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var bob = await scim.CreateUserIdAsync(NewUpn("bob"));
        var (groupId, before) = await NewGroupAsync(scim);
        await scim.AddMembersAsync(groupId, ada);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers([bob]), ifMatch: Version(before));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.Status);
        Assert.Equal("412", (string?)response.Error["status"]);
        Assert.Equal([ada], await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Patch_with_the_If_Match_from_after_a_membership_change_is_applied()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var bob = await scim.CreateUserIdAsync(NewUpn("bob"));
        var (groupId, _) = await NewGroupAsync(scim);
        await scim.AddMembersAsync(groupId, ada);
        var (current, _) = await ReadAsync(scim, groupId);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers([bob]), ifMatch: Version(current));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal(new[] { ada, bob }.Order(StringComparer.Ordinal), await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Put_with_the_If_Match_from_before_a_member_was_removed_is_412_and_changes_nothing()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var bob = await scim.CreateUserIdAsync(NewUpn("bob"));
        var (groupId, _) = await NewGroupAsync(scim);
        await scim.AddMembersAsync(groupId, ada, bob);
        var (before, _) = await ReadAsync(scim, groupId);
        await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMemberFlagged(bob));

        var response = await scim.PutAsync($"Groups/{groupId}", GroupBody(ada, bob), ifMatch: Version(before));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.Status);
        Assert.Equal([ada], await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task Put_that_changes_only_the_members_answers_a_new_version()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, before) = await NewGroupAsync(scim);

        var response = await scim.PutAsync($"Groups/{groupId}", GroupBody(ada));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotEqual(Version(before), Version(response.Json));
        Assert.Equal(Version(response.Json), response.Headers.ETag?.ToString());
        Assert.Equal(Version(response.Json), Version((await ReadAsync(scim, groupId)).Group));
    }

    [Fact]
    public async Task Renaming_and_adding_a_member_in_one_patch_is_one_new_version()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, before) = await NewGroupAsync(scim);

        var response = await scim.PatchAsync($"Groups/{groupId}?attributes=members", EntraBodies.Patch(
            EntraBodies.Op("Replace", "displayName", "\"Vendor-Admins-EU\""),
            EntraBodies.Op("Add", "members", EntraBodies.MemberList([ada]))));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotEqual(Version(before), response.Headers.ETag?.ToString());
        Assert.Equal(response.Headers.ETag?.ToString(), Version((await ReadAsync(scim, groupId)).Group));
    }

    [Fact]
    public async Task Adding_a_present_member_keeps_the_version()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, _) = await NewGroupAsync(scim);
        await scim.AddMembersAsync(groupId, ada);
        var (before, _) = await ReadAsync(scim, groupId);

        await scim.AddMembersAsync(groupId, ada);

        AssertSameVersion(before, (await ReadAsync(scim, groupId)).Group);
    }

    [Fact]
    public async Task Removing_a_non_member_keeps_the_version()
    {
        using var scim = await NewTenantAsync();
        var outsider = await scim.CreateUserIdAsync(NewUpn("outsider"));
        var (groupId, before) = await NewGroupAsync(scim);

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMembersLegacy(outsider));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        AssertSameVersion(before, (await ReadAsync(scim, groupId)).Group);
    }

    [Fact]
    public async Task Replacing_the_members_with_the_same_members_keeps_the_version()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, _) = await NewGroupAsync(scim);
        await scim.AddMembersAsync(groupId, ada);
        var (before, _) = await ReadAsync(scim, groupId);

        var response = await scim.PutAsync($"Groups/{groupId}", GroupBody(ada), ifMatch: Version(before));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(Version(before), Version(response.Json));
    }

    [Fact]
    public async Task Patch_renaming_to_a_taken_name_and_adding_a_member_is_409_and_keeps_the_version_and_the_members()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, before) = await NewGroupAsync(scim);
        await scim.CreateGroupAsync("Taken");

        var response = await scim.PatchAsync($"Groups/{groupId}", EntraBodies.Patch(
            EntraBodies.Op("Replace", "displayName", "\"Taken\""),
            EntraBodies.Op("Add", "members", EntraBodies.MemberList([ada]))));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        AssertSameVersion(before, (await ReadAsync(scim, groupId)).Group);
        Assert.Empty(await scim.MemberIdsAsync(groupId));
    }

    [Fact]
    public async Task A_filtered_list_shows_the_version_a_membership_change_gave()
    {
        using var scim = await NewTenantAsync();
        var ada = await scim.CreateUserIdAsync(NewUpn("ada"));
        var (groupId, _) = await NewGroupAsync(scim);

        await scim.AddMembersAsync(groupId, ada);

        var listed = Assert.Single((await scim.FilterAsync("Groups", "displayName eq \"Vendor-Admins\"", "excludedAttributes=members")).Resources);
        Assert.Equal(Version((await ReadAsync(scim, groupId)).Group), Version(listed));
    }

    /// <summary>An empty group named Vendor-Admins, as created (201) from <see cref="GroupBody"/>, so a PUT of that body changes only members.</summary>
    private static async Task<(string Id, JsonObject Group)> NewGroupAsync(EntraScimClient scim)
    {
        var created = await scim.PostAsync("Groups", GroupBody());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return ((string)created.Json["id"]!, created.Json);
    }

    private static async Task<(JsonObject Group, string? ETag)> ReadAsync(EntraScimClient scim, string groupId)
    {
        var response = await scim.GetAsync($"Groups/{groupId}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return (response.Json, response.Headers.ETag?.ToString());
    }

    private static string GroupBody(params string[] memberIds) => $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Vendor-Admins",
         "members":[{{string.Join(",", memberIds.Select(id => $$"""{"value":{{EntraBodies.Quote(id)}}}"""))}}]}
        """;

    private static void AssertNewVersion(JsonObject before, JsonObject after)
    {
        Assert.NotEqual(Version(before), Version(after));
        Assert.True(LastModified(after) > LastModified(before), $"lastModified {LastModified(after):O} is not after {LastModified(before):O}");
    }

    private static void AssertSameVersion(JsonObject before, JsonObject after)
    {
        Assert.Equal(Version(before), Version(after));
        Assert.Equal(LastModified(before), LastModified(after));
    }

    private static string Version(JsonObject resource) => (string)resource["meta"]!["version"]!;

    private static DateTimeOffset LastModified(JsonObject resource) =>
        DateTimeOffset.Parse((string)resource["meta"]!["lastModified"]!, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class EmbeddedGroupVersionTests(EmbeddedScimServer fixture) : GroupVersionTests, IClassFixture<EmbeddedScimServer>
{
    protected override TotalServer Server => fixture.Server;
}

[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeGroupVersionTests(SingleNodeScimServer fixture) : GroupVersionTests, IClassFixture<SingleNodeScimServer>
{
    protected override TotalServer Server => fixture.Server;
}
