using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;

namespace Total.Grains.Access;

/// <summary>
/// Recomputes many users' access at once, in parallel across their access grains: deleting an admin group of
/// 10,000 members must finish well inside Entra's 60-second SCIM timeout.
/// </summary>
public static class AccessFanOut
{
    /// <summary>Calls in flight at once: enough to keep a silo's cores and the database busy, not so many that they queue.</summary>
    public const int Parallelism = 128;

    public static async Task RecomputeAsync(IGrainFactory grains, string tenantId, IEnumerable<string> userIds, AccessCause cause)
    {
        // Stays on the calling grain's scheduler (no Parallel.ForEachAsync): grain calls are asynchronous, so a
        // window of outstanding calls is all the parallelism needed.
        var inFlight = new List<Task>(Parallelism);
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            inFlight.Add(grains.GetGrain<IUserAccessGrain>(ScimKeys.Resource(tenantId, userId)).DecideAsync(cause));
            if (inFlight.Count == Parallelism)
            {
                await Task.WhenAny(inFlight);
                await DrainCompletedAsync(inFlight);
            }
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task DrainCompletedAsync(List<Task> inFlight)
    {
        for (var i = inFlight.Count - 1; i >= 0; i--)
        {
            if (inFlight[i].IsCompleted)
            {
                await inFlight[i];
                inFlight.RemoveAt(i);
            }
        }
    }
}
