using Total.Grains.Abstractions.Access;

namespace Total.Grains.Abstractions.Tenants;

/// <summary>A change of a tenant's admin and monitored groups, from the console or the operator API.</summary>
/// <param name="MonitorUsersOutsideGroups">Whether users outside every group are monitored; null keeps the setting.</param>
/// <param name="ActingUserId">
/// The console admin saving the change: a change that would end their own access waits for confirmation. Null for the
/// operator API, which has no admin of the tenant behind it.
/// </param>
/// <param name="ConfirmedAdminAccessLoss">
/// The person confirmed explicitly that the change may take admin access away (see <see cref="AdminAccessLoss"/>):
/// in the console by typing the organisation's name, in the operator API with <c>confirmRemovingAllAdmins</c>.
/// </param>
/// <param name="Request">Who saved the change and how (e.g. <c>console: settings saved by ada@contoso.example</c>), for the access log.</param>
[GenerateSerializer, Immutable, Alias("Total.GroupsUpdate")]
public sealed record GroupsUpdate(
    [property: Id(0)] IReadOnlyList<string> AdminGroups,
    [property: Id(1)] IReadOnlyList<string> MonitoredGroups,
    [property: Id(2)] bool? MonitorUsersOutsideGroups = null,
    [property: Id(3)] string? ActingUserId = null,
    [property: Id(4)] bool ConfirmedAdminAccessLoss = false,
    [property: Id(5)] string? Request = null);
