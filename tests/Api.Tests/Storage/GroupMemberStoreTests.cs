using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;
using Total.Grains.Directory.Storage;
using Total.Scim.Patch;

namespace Total.Api.Tests.Storage;

/// <summary>
/// A group's member rows change in the same write as its row's next version, in memory and on PostgreSQL alike:
/// both are written, or (a stale version, a taken name) neither. Here rather than in Grains.Tests because the
/// PostgreSQL test infrastructure lives in this project.
/// </summary>
public abstract class GroupMemberStoreTests
{
    protected abstract IScimResourceStore Resources { get; }

    protected abstract IGroupMemberStore Members { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_change_is_written_with_the_groups_next_version()
    {
        var (tenant, group) = await GroupWithMembersAsync("u-1", "u-2");

        var written = await Resources.UpdateAsync(group with { Version = 2 }, expectedVersion: 1, new MemberChange(["u-3"], ["u-1"]), Cancel);

        Assert.Equal(StoreWriteResult.Written, written);
        Assert.Equal(2, (await Resources.GetAsync(tenant, ScimResourceType.Group, group.Id, Cancel))!.Version);
        Assert.Equal(["u-2", "u-3"], await Members.ListAsync(tenant, group.Id, Cancel));
        Assert.Equal([group.Id], await Members.GroupsOfAsync(tenant, "u-3", Cancel));
        Assert.Empty(await Members.GroupsOfAsync(tenant, "u-1", Cancel));
    }

    [Fact]
    public async Task A_member_change_over_a_stale_version_changes_neither_the_row_nor_the_members()
    {
        var (tenant, group) = await GroupWithMembersAsync("u-1");

        var written = await Resources.UpdateAsync(group with { Version = 8 }, expectedVersion: 7, new MemberChange(["u-2"], ["u-1"]), Cancel);

        Assert.Equal(StoreWriteResult.VersionMismatch, written);
        Assert.Equal(1, (await Resources.GetAsync(tenant, ScimResourceType.Group, group.Id, Cancel))!.Version);
        Assert.Equal(["u-1"], await Members.ListAsync(tenant, group.Id, Cancel));
    }

    [Fact]
    public async Task A_member_change_with_a_rename_to_a_taken_name_changes_neither_the_row_nor_the_members()
    {
        var (tenant, group) = await GroupWithMembersAsync("u-1");
        Assert.Equal(StoreWriteResult.Written, await Resources.InsertAsync(Group(tenant, "g-taken", "taken"), Cancel));

        var written = await Resources.UpdateAsync(group with { UniqueKey = "taken", Version = 2 }, expectedVersion: 1, new MemberChange(["u-2"], ["u-1"]), Cancel);

        Assert.Equal(StoreWriteResult.UniqueKeyTaken, written);
        Assert.Equal(1, (await Resources.GetAsync(tenant, ScimResourceType.Group, group.Id, Cancel))!.Version);
        Assert.Equal(["u-1"], await Members.ListAsync(tenant, group.Id, Cancel));
    }

    [Fact]
    public async Task MembersAmong_names_only_the_given_ids_that_are_members()
    {
        var (tenant, group) = await GroupWithMembersAsync("u-1", "u-2", "u-3");

        var among = await Members.MembersAmongAsync(tenant, group.Id, ["u-3", "u-9", "u-1"], Cancel);

        Assert.Equal(["u-1", "u-3"], among.Order(StringComparer.Ordinal));
    }

    private async Task<(string Tenant, StoredResource Group)> GroupWithMembersAsync(params string[] memberIds)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..12];
        var group = Group(tenant, "g-1", "vendor-admins");
        Assert.Equal(StoreWriteResult.Written, await Resources.InsertAsync(group, Cancel));
        await Members.AddAsync(tenant, group.Id, memberIds, Cancel);
        return (tenant, group);
    }

    private static StoredResource Group(string tenant, string id, string uniqueKey) =>
        new(tenant, ScimResourceType.Group, id, uniqueKey, null, 1, $$"""{"id":"{{id}}"}""", null);
}

public sealed class InMemoryGroupMemberStoreTests : GroupMemberStoreTests
{
    private readonly InMemoryScimStore _store = new();

    protected override IScimResourceStore Resources => _store;

    protected override IGroupMemberStore Members => _store;
}

[Needs(Requirement.PostgreSQL)]
public sealed class PostgresGroupMemberStoreTests(MigratedDatabase database) : GroupMemberStoreTests, IClassFixture<MigratedDatabase>
{
    protected override IScimResourceStore Resources => new PostgresScimResourceStore(database.DataSource);

    protected override IGroupMemberStore Members => new PostgresGroupMemberStore(database.DataSource);
}
