using Total.Scim.Patch;

namespace Total.Scim.Tests.Patch;

public class MemberChangeTests
{
    private static HashSet<string> Members(params string[] ids) => new(ids, StringComparer.Ordinal);

    [Fact]
    public void Adding_a_newcomer_adds_only_the_newcomer()
    {
        var change = MemberChange.Of([new AddMembers(["u-1", "u-2"])], Members("u-1"));

        Assert.Equal(["u-2"], change.Added);
        Assert.Empty(change.Removed);
    }

    [Fact]
    public void Adding_a_present_member_changes_nothing()
    {
        var change = MemberChange.Of([new AddMembers(["u-1"])], Members("u-1"));

        Assert.True(change.IsEmpty);
    }

    [Fact]
    public void Removing_a_non_member_changes_nothing()
    {
        var change = MemberChange.Of([new RemoveMembers(["u-9"])], Members());

        Assert.True(change.IsEmpty);
    }

    [Fact]
    public void Removing_a_member_removes_it()
    {
        var change = MemberChange.Of([new RemoveMembers(["u-1", "u-9"])], Members("u-1"));

        Assert.Empty(change.Added);
        Assert.Equal(["u-1"], change.Removed);
    }

    [Fact]
    public void Adding_then_removing_a_newcomer_in_one_request_changes_nothing()
    {
        var change = MemberChange.Of([new AddMembers(["u-2"]), new RemoveMembers(["u-2"])], Members());

        Assert.True(change.IsEmpty);
    }

    [Fact]
    public void Removing_then_adding_back_a_member_in_one_request_changes_nothing()
    {
        var change = MemberChange.Of([new RemoveMembers(["u-1"]), new AddMembers(["u-1"])], Members("u-1"));

        Assert.True(change.IsEmpty);
    }

    [Fact]
    public void Replacing_the_members_adds_the_newcomers_and_removes_the_rest()
    {
        var change = MemberChange.Of([new ReplaceMembers(["u-2", "u-3"])], Members("u-1", "u-2"));

        Assert.Equal(["u-3"], change.Added);
        Assert.Equal(["u-1"], change.Removed);
    }

    [Fact]
    public void Replacing_the_members_with_the_same_members_changes_nothing()
    {
        var change = MemberChange.Of([new ReplaceMembers(["u-2", "u-1"])], Members("u-1", "u-2"));

        Assert.True(change.IsEmpty);
    }

    [Fact]
    public void Removing_all_members_removes_every_current_member()
    {
        var change = MemberChange.Of([new RemoveAllMembers()], Members("u-2", "u-1"));

        Assert.Equal(["u-1", "u-2"], change.Removed);
    }

    [Fact]
    public void Removing_all_members_then_adding_one_keeps_that_one()
    {
        var change = MemberChange.Of([new RemoveAllMembers(), new AddMembers(["u-1", "u-3"])], Members("u-1", "u-2"));

        Assert.Equal(["u-3"], change.Added);
        Assert.Equal(["u-2"], change.Removed);
    }

    [Fact]
    public void Adds_and_removes_need_only_the_ids_they_name()
    {
        var ids = MemberChange.IdsToLookUp([new AddMembers(["u-1"]), new RemoveMembers(["u-2", "u-1"])]);

        Assert.Equal(["u-1", "u-2"], ids!.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Replacing_or_removing_all_members_needs_every_current_member(bool replace)
    {
        MemberOperation operation = replace ? new ReplaceMembers(["u-1"]) : new RemoveAllMembers();

        Assert.Null(MemberChange.IdsToLookUp([new AddMembers(["u-2"]), operation]));
    }
}
