namespace Total.Grains.Abstractions.Access;

/// <summary>
/// Why a change of the admin groups waits for explicit confirmation: it would take access from every active admin
/// (perhaps leaving nobody who could sign in to the console to undo it), or it would end the console access of the
/// admin saving it.
/// </summary>
/// <param name="LosingAccess">Admins who would lose console access (the first <see cref="MaxNamed"/>).</param>
/// <param name="LosingAccessCount">How many admins would lose it in all.</param>
/// <param name="TakesEveryAdmin">Every current admin would lose access, whoever the new groups make admin.</param>
/// <param name="EndsActingAdminsAccess">The console admin saving the change would lose their own access.</param>
[GenerateSerializer, Immutable, Alias("Total.AdminAccessLoss")]
public sealed record AdminAccessLoss(
    [property: Id(0)] IReadOnlyList<AdminIdentity> LosingAccess,
    [property: Id(1)] int LosingAccessCount,
    [property: Id(2)] bool TakesEveryAdmin,
    [property: Id(3)] bool EndsActingAdminsAccess)
{
    /// <summary>At most this many admins are named; the count says how many there are.</summary>
    public const int MaxNamed = 20;
}
