using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Graph;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Abstractions.Tenants;
using Total.Grains.Access;
using Total.Grains.Access.Storage;
using Total.Grains.Graph;
using Total.Grains.Storage;

namespace Total.Grains.Reconciliation;

/// <inheritdoc cref="IReconciliationGrain"/>
/// <remarks>
/// A reminder tick only starts a run and returns: the run continues on this activation while other calls
/// (status, "run now") are served, so a slow or throttling Graph holds up this tenant alone, and never the
/// reminder service. Ticks can repeat or be missed; a run is idempotent and joins one already running.
/// </remarks>
public sealed class ReconciliationGrain(
    [PersistentState(GrainStorage.ReconciliationState, GrainStorage.ProviderName)] IPersistentState<ReconciliationState> state,
    IEntraGroupReader graph,
    IAccessStore accessStore,
    IOptions<ReconciliationOptions> options,
    IOptions<VendorAppOptions> vendorApp,
    AccessMetrics metrics,
    TimeProvider time,
    ILogger<ReconciliationGrain> logger) : Grain, IReconciliationGrain, IRemindable
{
    private const string ReminderName = "reconcile";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);
    private Task<ReconciliationStatus>? _running;
    private bool _stopped;

    private string TenantId => this.GetPrimaryKeyString();

    private TimeSpan Period => options.Value.Period;

    public async Task EnsureScheduledAsync()
    {
        if (state.State.ScheduledPeriod == Period)
        {
            return;
        }

        // Spread first ticks over the period: 10,000 tenants onboarded at once must not all call Graph at once.
        var dueTime = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Period.TotalMilliseconds);
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, Period);
        state.State.ScheduledPeriod = Period;
        await state.WriteStateAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _ = Start();
        return Task.CompletedTask;
    }

    public async Task<ReconciliationStatus> RunNowAsync()
    {
        // "Now" means a run that starts after this call: one already under way may have read Graph before the
        // change the caller wants to see, so let it finish first.
        if (_running is { IsCompleted: false } running)
        {
            await running;
        }

        return await Start();
    }

    public Task RequestRunAsync()
    {
        _ = Start();
        return Task.CompletedTask;
    }

    public async Task AdminGroupsChangedAsync()
    {
        ForgetGraphBaseline();
        await state.WriteStateAsync();
        _ = Start();
    }

    public Task<ReconciliationStatus> GetStatusAsync() => Task.FromResult(state.State.Status ?? Initial());

    public async Task<GraphAccessCheck> TestGraphAccessAsync()
    {
        var check = await ProbeGraphAsync();
        state.State.Status = (state.State.Status ?? Initial()) with { LastGraphCheck = check };
        await state.WriteStateAsync();
        return check;
    }

    public async Task StopAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.ClearStateAsync();
        _stopped = true;
        DeactivateOnIdle();
    }

    private Task<ReconciliationStatus> Start()
    {
        if (_running is { IsCompleted: false } running)
        {
            return running;
        }

        _running = RunGuardedAsync();
        return _running;
    }

    private async Task<ReconciliationStatus> RunGuardedAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var previous = state.State.Status ?? Initial();
        ReconciliationStatus status;
        using var timeout = new CancellationTokenSource(options.Value.RunTimeout);
        try
        {
            status = await RunAsync(previous, timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Reconciliation of tenant {TenantId} failed", TenantId);
            status = previous with
            {
                Outcome = ReconciliationOutcome.GraphFailed,
                LastRunAt = time.GetUtcNow(),
                Error = timeout.IsCancellationRequested
                    ? $"The run took longer than {options.Value.RunTimeout} and was abandoned; it will be retried."
                    : "The run failed unexpectedly; the operators have the details in the server log.",
            };
        }

        status = status with { LastRunDuration = stopwatch.Elapsed };
        metrics.Reconciled(TenantId, OutcomeName(status.Outcome), stopwatch.Elapsed);
        if (_stopped)
        {
            // The tenant is gone: the reminder is unregistered and the state cleared; writing would bring it back.
            return status;
        }

        state.State.Status = status;
        await state.WriteStateAsync();
        return status;
    }

    private async Task<ReconciliationStatus> RunAsync(ReconciliationStatus previous, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetAsync();
        if (tenant is null)
        {
            await StopAsync();
            return previous;
        }

        if (previous.NotBefore > now)
        {
            return previous with { Outcome = ReconciliationOutcome.Deferred };
        }

        // 1. Every admin (and every user Graph denied) re-checked against what SCIM provisioned: a recompute
        //    missed in a crash between a SCIM write and its access update is caught here.
        var flagged = await accessStore.ListFlaggedAsync(TenantId, cancellationToken);
        var decided = await AccessFanOut.RecomputeEachAsync(GrainFactory, TenantId, flagged.Select(u => u.UserId).ToList(), AccessCause.Scim("Periodic re-check against the provisioned groups"));
        var decisions = flagged.Zip(decided, (user, decision) => (User: user, Decision: decision)).ToList();
        var revoked = decisions.Count(d => d.User.Access.Admin && d.Decision is not { Admin: true });
        await PruneAccessLogAsync(now, cancellationToken);

        var status = previous with
        {
            Period = Period,
            LastRunAt = now,
            AdminsChecked = flagged.Count,
            Revoked = revoked,
            Error = null,
            GraphRequests = 0,
            GraphThrottled = 0,
            DeltaExpired = false,
            UncheckedAdminGroups = [],
        };

        // 2. Graph: who is still in an admin group in Entra.
        if (await GraphAppAsync() is not { } graphApp)
        {
            return status with
            {
                Mode = ReconciliationMode.ScimOnly,
                ModeReason = "No app registration client id and secret are set, so admins are re-checked against SCIM only. Enter them in Settings → SSO & Provisioning to let Microsoft Graph revoke access even when provisioning is late.",
                Outcome = ReconciliationOutcome.Succeeded,
            };
        }

        var targets = await AdminGroupTargets.ResolveAsync(GrainFactory, TenantId, tenant.AdminGroups);
        status = status with
        {
            Mode = ReconciliationMode.ScimAndGraph,
            ModeReason = graphApp.Shared
                ? "Admins are re-checked against SCIM and against the admin groups' membership in Entra, read with Microsoft Graph through TOTAL's shared app (it needs your Entra admin's consent to GroupMember.Read.All)."
                : "Admins are re-checked against SCIM and against the admin groups' membership in Entra, read with Microsoft Graph.",
            UncheckedAdminGroups = targets.Unchecked,
        };
        if (targets.ObjectIds.Count == 0)
        {
            return status with { Outcome = ReconciliationOutcome.Succeeded };
        }

        if (!state.State.GroupIds.SequenceEqual(targets.ObjectIds, StringComparer.Ordinal))
        {
            ForgetGraphBaseline();
        }

        GroupMembershipRead read;
        try
        {
            read = await graph.ReadAsync(graphApp.Credentials, targets.ObjectIds, state.State.DeltaLink, cancellationToken);
        }
        catch (GraphAccessException exception)
        {
            logger.LogWarning("Reconciliation of tenant {TenantId}: Microsoft Graph could not be read ({Failure}): {Message}", TenantId, exception.Failure, exception.Message);
            return status with
            {
                Outcome = ReconciliationOutcome.GraphFailed,
                Error = exception.Message,
                NotBefore = exception.Failure == GraphFailure.Throttled ? now + Period : null,
            };
        }

        ApplyToBaseline(read, targets);
        var inEntra = state.State.Members.Values.SelectMany(m => m).ToHashSet(StringComparer.Ordinal);
        var how = read.IsFullSnapshot ? (read.DeltaExpired ? "full member listing (the delta link had expired)" : "full read") : "delta";
        foreach (var (user, decision) in decisions)
        {
            if (decision is null)
            {
                continue;
            }

            var member = ObjectId(decision.ExternalId) is { } oid && inEntra.Contains(oid);
            var denied = AccessChanges.GraphDenies(decision.ScimAdmin, user.Access.GraphDenied, member, targets.Covers(decision.AdminGroupExternalIds ?? []));
            if (denied == user.Access.GraphDenied)
            {
                continue;
            }

            var cause = AccessCause.Graph(denied
                ? $"Microsoft Graph {how}: in Entra the user is in none of the admin groups ({string.Join(", ", targets.ObjectIds)})"
                : $"Microsoft Graph {how}: the user is back in an admin group in Entra");
            var after = await GrainFactory.GetGrain<IUserAccessGrain>(ScimKeys.Resource(TenantId, user.UserId)).SetGraphDeniedAsync(denied, cause);
            if (decision.Admin && after is not { Admin: true })
            {
                revoked++;
            }
        }

        return status with
        {
            Outcome = ReconciliationOutcome.Succeeded,
            Revoked = revoked,
            GraphRequests = read.Requests,
            GraphThrottled = read.ThrottledResponses,
            DeltaExpired = read.DeltaExpired,
            LastGraphSuccessAt = time.GetUtcNow(),
            NotBefore = null,
        };
    }

    private void ApplyToBaseline(GroupMembershipRead read, AdminGroupTargets targets)
    {
        var members = state.State.Members;
        if (read.IsFullSnapshot)
        {
            members.Clear();
        }

        foreach (var (groupId, added) in read.Added)
        {
            if (ObjectId(groupId) is not { } group)
            {
                continue;
            }

            if (!members.TryGetValue(group, out var set))
            {
                members[group] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(added.Select(ObjectId).OfType<string>());
        }

        foreach (var (groupId, removed) in read.Removed)
        {
            if (ObjectId(groupId) is { } group && members.TryGetValue(group, out var set))
            {
                set.ExceptWith(removed.Select(ObjectId).OfType<string>());
            }
        }

        foreach (var deleted in read.DeletedGroups)
        {
            if (ObjectId(deleted) is { } group)
            {
                members.Remove(group);
            }
        }

        state.State.DeltaLink = read.DeltaLink;
        state.State.GroupIds = targets.ObjectIds.ToList();
    }

    private async Task<GraphAccessCheck> ProbeGraphAsync()
    {
        var now = time.GetUtcNow();
        var tenant = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetAsync();
        if (tenant is null || await GraphAppAsync() is not { } graphApp)
        {
            return new GraphAccessCheck(false, "No app registration client id and secret are set: enter them first.", now);
        }

        var targets = await AdminGroupTargets.ResolveAsync(GrainFactory, TenantId, tenant.AdminGroups);
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await graph.ProbeAsync(graphApp.Credentials, targets.ObjectIds, timeout.Token);
            var what = targets.ObjectIds.Count > 0 ? "read the members of an admin group" : "read group members (no admin group with an Entra object id is provisioned yet)";
            var app = graphApp.Shared ? "TOTAL's shared app" : "the app registration";
            return new GraphAccessCheck(true, $"Graph access works: TOTAL signed in as {app} and could {what} with GroupMember.Read.All.", time.GetUtcNow());
        }
        catch (GraphAccessException exception)
        {
            return new GraphAccessCheck(false, exception.Message, time.GetUtcNow());
        }
        catch (OperationCanceledException)
        {
            return new GraphAccessCheck(false, $"Microsoft Graph did not answer within {ProbeTimeout.TotalSeconds:0} seconds; try again later.", time.GetUtcNow());
        }
    }

    /// <summary>
    /// The app Graph is read with: the tenant's own registration when it has one (none while its secret is missing),
    /// else TOTAL's shared app (<c>AzureAd</c>) acting in the tenant's directory under the consent its admin gave.
    /// </summary>
    private async Task<(GraphCredentials Credentials, bool Shared)?> GraphAppAsync()
    {
        if (await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetSignInSettingsAsync() is not { } settings)
        {
            return null;
        }

        if (settings.HasOwnApp)
        {
            return settings.CanSignIn ? (new GraphCredentials(settings.EntraTenantId, settings.ClientId!, settings.ClientSecret!), false) : null;
        }

        return vendorApp.Value.GraphCredentialsIn(settings.EntraTenantId) is { } shared ? (shared, true) : null;
    }

    private async Task PruneAccessLogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Once a day is plenty; the console never shows the log's far end anyway.
        if (state.State.LogPrunedAt is { } pruned && now - pruned < TimeSpan.FromDays(1))
        {
            return;
        }

        await accessStore.PruneEventsAsync(TenantId, now - options.Value.AccessLogRetention, cancellationToken);
        state.State.LogPrunedAt = now;
    }

    private void ForgetGraphBaseline()
    {
        state.State.DeltaLink = null;
        state.State.GroupIds = [];
        state.State.Members.Clear();
    }

    private ReconciliationStatus Initial() => new(
        ReconciliationMode.ScimOnly,
        "Not checked yet: the first check runs within one period of onboarding.",
        Period,
        ReconciliationOutcome.NotRunYet,
        null,
        null,
        null,
        [],
        0,
        0,
        0,
        0,
        false,
        null,
        null,
        null);

    private static string? ObjectId(string? value) => Guid.TryParse(value, out var id) ? id.ToString("D") : null;

    private static string OutcomeName(ReconciliationOutcome outcome) => outcome switch
    {
        ReconciliationOutcome.Succeeded => "ok",
        ReconciliationOutcome.GraphFailed => "failed",
        ReconciliationOutcome.Deferred => "deferred",
        _ => "none",
    };
}
