namespace Total.Grains.Abstractions.Access;

/// <summary>
/// Why a change of the admin groups waits for explicit confirmation: it would leave the tenant without any active
/// admin (nobody could sign in to the console to undo it), or it would end the console access of the admin saving it.
/// </summary>
/// <param name="LosingAccess">Admins who would lose console access (the first <see cref="MaxNamed"/>).</param>
/// <param name="LosingAccessCount">How many admins would lose it in all.</param>
/// <param name="LeavesNoAdmin">Nobody, old or new, would be an admin after the change.</param>
/// <param name="EndsActingAdminsAccess">The console admin saving the change would lose their own access.</param>
[GenerateSerializer, Immutable, Alias("Total.AdminAccessLoss")]
public sealed record AdminAccessLoss(
    [property: Id(0)] IReadOnlyList<AdminIdentity> LosingAccess,
    [property: Id(1)] int LosingAccessCount,
    [property: Id(2)] bool LeavesNoAdmin,
    [property: Id(3)] bool EndsActingAdminsAccess)
{
    /// <summary>At most this many admins are named; the count says how many there are.</summary>
    public const int MaxNamed = 20;
}
