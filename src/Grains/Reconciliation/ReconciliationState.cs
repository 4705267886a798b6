using Total.Grains.Abstractions.Reconciliation;

namespace Total.Grains.Reconciliation;

/// <summary>What a tenant's reconciliation keeps between runs.</summary>
[GenerateSerializer, Alias("Total.ReconciliationState")]
public sealed class ReconciliationState
{
    /// <summary>The reminder period registered, so a changed setting re-registers it.</summary>
    [Id(0)] public TimeSpan? ScheduledPeriod { get; set; }

    /// <summary>Graph's delta link for <see cref="GroupIds"/>; null until the first full read.</summary>
    [Id(1)] public string? DeltaLink { get; set; }

    /// <summary>The Entra object ids of the admin groups the delta link tracks, sorted.</summary>
    [Id(2)] public List<string> GroupIds { get; set; } = [];

    /// <summary>Entra's membership of each tracked admin group as Graph last reported it (group id → member object ids).</summary>
    [Id(3)] public Dictionary<string, HashSet<string>> Members { get; set; } = [];

    [Id(4)] public ReconciliationStatus? Status { get; set; }

    [Id(5)] public DateTimeOffset? LogPrunedAt { get; set; }
}
