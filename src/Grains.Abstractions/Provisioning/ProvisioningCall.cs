namespace Total.Grains.Abstractions.Provisioning;

/// <summary>One SCIM call of a tenant as the provisioning log keeps it.</summary>
/// <param name="Target">Path under the tenant's SCIM base with its query (e.g. <c>Users?filter=userName eq "x"</c>), shortened.</param>
/// <param name="Detail">The SCIM error detail for a failed call; null on success.</param>
[GenerateSerializer, Immutable, Alias("Total.ProvisioningCall")]
public sealed record ProvisioningCall(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Method,
    [property: Id(2)] string Target,
    [property: Id(3)] int Status,
    [property: Id(4)] string? ScimType,
    [property: Id(5)] string? Detail,
    [property: Id(6)] double DurationMs)
{
    public bool Failed => Status >= 400;
}
