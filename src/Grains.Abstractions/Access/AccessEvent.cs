namespace Total.Grains.Abstractions.Access;

/// <summary>One grant or revocation of admin access, as the console's access log shows it.</summary>
/// <param name="Sequence">Position in the tenant's log (newest highest); 0 before it is stored.</param>
/// <param name="ExternalId">The user's Entra object id as provisioned (the <c>oid</c> they sign in with).</param>
/// <param name="Revision">The user's access revision after the change.</param>
[GenerateSerializer, Immutable, Alias("Total.AccessEvent")]
public sealed record AccessEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string UserId,
    [property: Id(3)] string? UserName,
    [property: Id(4)] string? ExternalId,
    [property: Id(5)] AccessEventKind Kind,
    [property: Id(6)] AccessChangeSource Source,
    [property: Id(7)] string Detail,
    [property: Id(8)] long Revision,
    [property: Id(9)] DateTimeOffset At);
