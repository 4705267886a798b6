using System.Text.Json;
using Total.Grains.Abstractions.Reconciliation;
using Total.Grains.Reconciliation;

namespace Total.Grains.Tests.Reconciliation;

/// <summary>The reconciliation state survives the System.Text.Json grain-storage round trip PostgreSQL storage makes.</summary>
public sealed class ReconciliationStateTests
{
    [Fact]
    public void State_round_trips_through_system_text_json()
    {
        var checkedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var state = new ReconciliationState
        {
            ScheduledPeriod = TimeSpan.FromMinutes(5),
            DeltaLink = "https://graph.microsoft.com/v1.0/groups/delta?$deltatoken=abc",
            GroupIds = ["2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21"],
            Members = new() { ["2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21"] = ["6d2f0b84-1c6e-4a57-b0f3-9e1d2c3b4a50"] },
            Status = new ReconciliationStatus(
                ReconciliationMode.ScimAndGraph, "why", TimeSpan.FromMinutes(5), ReconciliationOutcome.GraphFailed, checkedAt, TimeSpan.FromSeconds(2),
                "error", ["Sales"], 3, 1, 4, 1, true, checkedAt, checkedAt.AddMinutes(5), new GraphAccessCheck(true, "works", checkedAt)),
            LogPrunedAt = checkedAt,
        };

        var back = JsonSerializer.Deserialize<ReconciliationState>(JsonSerializer.Serialize(state))!;

        Assert.Equal(state.DeltaLink, back.DeltaLink);
        Assert.Equal(state.GroupIds, back.GroupIds);
        Assert.Equal(state.Members["2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21"], back.Members["2b7c9d10-55aa-4f1e-8c3b-7d6e5f4a3b21"]);
        Assert.Equal(state.Status with { UncheckedAdminGroups = [] }, back.Status! with { UncheckedAdminGroups = [] });
        Assert.Equal(["Sales"], back.Status!.UncheckedAdminGroups);
        Assert.Equal(state.ScheduledPeriod, back.ScheduledPeriod);
    }
}
