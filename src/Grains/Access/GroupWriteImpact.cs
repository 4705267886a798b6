namespace Total.Grains.Access;

/// <summary>Whose access a write to a group can change (<see cref="AccessChanges"/>: create, write, delete).</summary>
public enum GroupWriteImpact
{
    Nobody,

    /// <summary>Those who joined or left an admin group.</summary>
    MembersChanged,

    /// <summary>Every member: the group became an admin group (or was created as one), stopped being one, or was deleted as one.</summary>
    EveryMember,
}
