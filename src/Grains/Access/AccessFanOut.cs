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

    public static Task RecomputeAsync(IGrainFactory grains, string tenantId, IEnumerable<string> userIds, AccessCause cause) =>
        RecomputeEachAsync(grains, tenantId, userIds.Distinct(StringComparer.Ordinal).ToList(), cause);

    /// <summary>Recomputes (and records) each user's access; the decisions come back in the order of <paramref name="userIds"/>.</summary>
    public static async Task<AccessDecision?[]> RecomputeEachAsync(IGrainFactory grains, string tenantId, IReadOnlyList<string> userIds, AccessCause cause)
    {
        var decisions = new AccessDecision?[userIds.Count];
        await ForEachAsync(userIds.Count, async i =>
            decisions[i] = await grains.GetGrain<IUserAccessGrain>(ScimKeys.Resource(tenantId, userIds[i])).RecomputeAsync(cause));
        return decisions;
    }

    /// <summary>Runs <paramref name="work"/> for 0 … <paramref name="count"/> − 1 with at most <see cref="Parallelism"/> in flight.</summary>
    public static async Task ForEachAsync(int count, Func<int, Task> work)
    {
        // Stays on the calling grain's scheduler (no Parallel.ForEachAsync): grain and store calls are asynchronous,
        // so a window of outstanding calls is all the parallelism needed.
        var inFlight = new List<Task>(Parallelism);
        for (var i = 0; i < count; i++)
        {
            inFlight.Add(work(i));
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
