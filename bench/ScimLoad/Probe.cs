using System.Diagnostics;

namespace Total.ScimLoad;

/// <summary>What the paced probe tenant got while the others saturated the server.</summary>
internal sealed record ProbeResult(double TargetRate, long Scheduled, long Completed, long Succeeded, double Seconds, long StartedLate, LatencyHistogram FromSchedule);

/// <summary>
/// Per-tenant fairness: one tenant sends one request every 1/rate s (open loop, like a paced Entra job).
/// Latency is recorded per request (phase "probe") and also from each request's scheduled start, so a server
/// that makes the probe queue shows up even when few requests are in flight.
/// </summary>
internal static class Probe
{
    public static async Task<ProbeResult?> RunAsync(TenantJob job, Options options, long start, long deadline, int maxInFlight)
    {
        var interval = Stopwatch.Frequency / options.ProbeRate;
        var fromSchedule = new LatencyHistogram();
        var rng = new Random(unchecked((options.Seed * 31) + 0x5eed));
        using var inFlight = new SemaphoreSlim(maxInFlight);
        var tasks = new List<Task>();
        long late = 0;
        long succeeded = 0;
        for (long i = 0; ; i++)
        {
            var scheduled = start + (long)(i * interval);
            if (scheduled >= deadline)
            {
                break;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            if (!inFlight.Wait(0))
            {
                late++;
                await inFlight.WaitAsync();
            }

            var requestRng = new Random(rng.Next());
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await job.ProbeRequestAsync("probe", requestRng, long.MaxValue);
                    fromSchedule.Record(LoadClient.Micros(scheduled));
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        foreach (var stats in job.Client.Recorder.All.Where(s => s.Phase == "probe"))
        {
            succeeded += stats.Statuses.Where(s => s.Key is >= 200 and <= 299).Sum(s => s.Value);
        }

        return new ProbeResult(options.ProbeRate, tasks.Count, fromSchedule.Count, succeeded, seconds, late, fromSchedule);
    }
}
