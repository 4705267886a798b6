using System.Diagnostics;
using System.Runtime;

namespace Total.Api.Operator;

/// <summary>
/// <c>GET /operator/diagnostics</c>: this process's memory and the cluster's live grain activations by type,
/// for SREs sizing silos. <c>?collect=true</c> first runs a full compacting collection, so the heap size is
/// live data rather than garbage not yet collected (a brief pause: use it deliberately). The bytes allocated and the
/// GC pause time so far let a benchmark report allocation per request.
/// </summary>
public static class OperatorDiagnostics
{
    public static async Task<IResult> GetAsync(bool? collect, IGrainFactory grains)
    {
        if (collect == true)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var activations = statistics
            .GroupBy(s => ShortTypeName(s.GrainType))
            .OrderByDescending(g => g.Sum(s => s.ActivationCount))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount));
        return Results.Ok(new
        {
            process = new
            {
                workingSetBytes = process.WorkingSet64,
                gcHeapBytes = info.HeapSizeBytes,
                gcCommittedBytes = info.TotalCommittedBytes,
                gcServer = GCSettings.IsServerGC,
                collections = new { gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2) },

                // Since the process started: benchmarks divide the difference by their requests (steadier than CPU time).
                allocatedBytes = GC.GetTotalAllocatedBytes(),
                gcPauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
            },
            activations,
        });
    }

    /// <summary><c>Total.Grains.Directory.ScimUserGrain,Total.Grains</c> → <c>ScimUserGrain</c>.</summary>
    private static string ShortTypeName(string grainType)
    {
        var typeName = grainType.Split(',')[0];
        return typeName[(typeName.LastIndexOf('.') + 1)..];
    }
}
