namespace Total.Grains.Abstractions.Provisioning;

/// <summary>The "connection status" an admin checks first: when Entra last called, and the last thing that failed.</summary>
[GenerateSerializer, Immutable, Alias("Total.ProvisioningStatus")]
public sealed record ProvisioningStatus(
    [property: Id(0)] DateTimeOffset? LastCallAt,
    [property: Id(1)] ProvisioningCall? LastError,
    [property: Id(2)] long Calls,
    [property: Id(3)] long Errors,
    [property: Id(4)] DateTimeOffset? TestConnectionSeenAt = null);
