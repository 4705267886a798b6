using Total.Grains.Abstractions.Provisioning;
using Total.Grains.Storage;

namespace Total.Grains.Provisioning;

/// <inheritdoc cref="IProvisioningLogGrain"/>
/// <remarks>
/// Appends in memory and persists at most every <see cref="FlushInterval"/> while something changed, so a
/// tenant provisioning hundreds of calls a second costs one small write every few seconds, not one per call.
/// A crash loses at most that interval of log lines, never provisioning data. It leaves memory 2 minutes after its
/// tenant's calls stop (writing what it holds first): Entra calls in cycles about 40 minutes apart, and thousands of
/// tenants' last 1,000 calls need not stay in memory in between.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed class ProvisioningLogGrain(
    [PersistentState(GrainStorage.ProvisioningLogState, GrainStorage.ProviderName)] IPersistentState<ProvisioningLogState> state)
    : Grain, IProvisioningLogGrain
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private bool _dirty;
    private IGrainTimer? _flush;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _flush = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        await FlushAsync(cancellationToken);
    }

    public Task RecordAsync(IReadOnlyList<ProvisioningCall> calls)
    {
        var log = state.State;
        foreach (var call in calls)
        {
            log.Entries.Add(call);
            log.Calls++;
            log.LastCallAt = call.At;
            if (call.Failed)
            {
                log.Errors++;
                log.LastError = call;
            }
            else if (TestConnection.IsProbe(call))
            {
                log.TestConnectionSeenAt = call.At;
            }
        }

        if (log.Entries.Count > ProvisioningLogLimits.Capacity)
        {
            log.Entries.RemoveRange(0, log.Entries.Count - ProvisioningLogLimits.Capacity);
        }

        _dirty = calls.Count > 0 || _dirty;
        return Task.CompletedTask;
    }

    public Task RecordAcknowledgedAsync(IReadOnlyList<ProvisioningCall> calls) => RecordAsync(calls);

    public Task<ProvisioningLogPage> ReadAsync(bool failedOnly, int skip, int take)
    {
        var newestFirst = Enumerable.Reverse(state.State.Entries).Where(e => !failedOnly || e.Failed).ToList();
        return Task.FromResult(new ProvisioningLogPage(newestFirst.Count, newestFirst.Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 0, ProvisioningLogLimits.Capacity)).ToList()));
    }

    public Task<ProvisioningStatus> StatusAsync() =>
        Task.FromResult(new ProvisioningStatus(state.State.LastCallAt, state.State.LastError, state.State.Calls, state.State.Errors, state.State.TestConnectionSeenAt));

    public async Task ClearAsync()
    {
        _dirty = false;
        await state.ClearStateAsync();
        state.State = new ProvisioningLogState();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        await state.WriteStateAsync(cancellationToken);
    }
}

[GenerateSerializer, Alias("Total.ProvisioningLogState")]
public sealed class ProvisioningLogState
{
    [Id(0)] public List<ProvisioningCall> Entries { get; set; } = [];
    [Id(1)] public long Calls { get; set; }
    [Id(2)] public long Errors { get; set; }
    [Id(3)] public DateTimeOffset? LastCallAt { get; set; }
    [Id(4)] public ProvisioningCall? LastError { get; set; }
    [Id(5)] public DateTimeOffset? TestConnectionSeenAt { get; set; }
}
