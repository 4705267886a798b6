namespace Total.Grains.Abstractions.Provisioning;

/// <summary>
/// A tenant's provisioning log: the last <see cref="ProvisioningLogLimits.Capacity"/> SCIM calls, newest first, and running totals. Keyed by
/// tenant id. API processes send calls in batches, one-way, so a SCIM call never waits for its own log entry.
/// </summary>
[Alias("Total.ProvisioningLog")]
public interface IProvisioningLogGrain : IGrainWithStringKey
{
    /// <summary>Appends calls (a batch from one API process), oldest first.</summary>
    [Alias("Record"), OneWay]
    Task RecordAsync(IReadOnlyList<ProvisioningCall> calls);

    /// <summary>
    /// <see cref="RecordAsync"/>, answered once recorded: for an API process's last batch as it stops, so a silo
    /// stopping right after it (embedded and single-node modes) cannot lose the batch in flight.
    /// </summary>
    [Alias("RecordAcknowledged")]
    Task RecordAcknowledgedAsync(IReadOnlyList<ProvisioningCall> calls);

    /// <summary>A page of entries, newest first; with <paramref name="failedOnly"/> only failed calls.</summary>
    [Alias("Read"), ReadOnly]
    Task<ProvisioningLogPage> ReadAsync(bool failedOnly, int skip, int take);

    [Alias("Status"), ReadOnly]
    Task<ProvisioningStatus> StatusAsync();

    /// <summary>Deletes the log (offboarding).</summary>
    [Alias("Clear")]
    Task ClearAsync();
}

[GenerateSerializer, Immutable, Alias("Total.ProvisioningLogPage")]
public sealed record ProvisioningLogPage(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<ProvisioningCall> Entries);
