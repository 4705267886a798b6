namespace Total.Grains.Abstractions.Reconciliation;

/// <summary>How a tenant's reconciliation stands, for the console and operators.</summary>
/// <param name="Period">Time between runs.</param>
/// <param name="ModeReason">Why the mode is what it is, in words an admin can act on.</param>
/// <param name="UncheckedAdminGroups">Admin groups Graph cannot check: no Entra object id is known for them.</param>
/// <param name="AdminsChecked">Admins (and Graph-denied users) re-checked in the last run.</param>
/// <param name="Revoked">Admin access removed by the last run.</param>
/// <param name="GraphRequests">Graph HTTP requests of the last run, retries included.</param>
/// <param name="GraphThrottled">429 answers in the last run (each honoured).</param>
/// <param name="DeltaExpired">The last run found its delta link expired and listed every member instead.</param>
/// <param name="LastGraphSuccessAt">The last time Graph was read successfully.</param>
/// <param name="NotBefore">Graph asked to wait until then (429 Retry-After beyond what a run waits).</param>
[GenerateSerializer, Immutable, Alias("Total.ReconciliationStatus")]
public sealed record ReconciliationStatus(
    [property: Id(0)] ReconciliationMode Mode,
    [property: Id(1)] string ModeReason,
    [property: Id(2)] TimeSpan Period,
    [property: Id(3)] ReconciliationOutcome Outcome,
    [property: Id(4)] DateTimeOffset? LastRunAt,
    [property: Id(5)] TimeSpan? LastRunDuration,
    [property: Id(6)] string? Error,
    [property: Id(7)] IReadOnlyList<string> UncheckedAdminGroups,
    [property: Id(8)] int AdminsChecked,
    [property: Id(9)] int Revoked,
    [property: Id(10)] int GraphRequests,
    [property: Id(11)] int GraphThrottled,
    [property: Id(12)] bool DeltaExpired,
    [property: Id(13)] DateTimeOffset? LastGraphSuccessAt,
    [property: Id(14)] DateTimeOffset? NotBefore,
    [property: Id(15)] GraphAccessCheck? LastGraphCheck);
