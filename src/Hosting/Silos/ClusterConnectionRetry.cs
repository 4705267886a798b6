namespace Total.Hosting.Silos;

/// <summary>
/// In cluster mode the API may start before any silo does (a fresh deploy, a full restart): keep trying to
/// reach a gateway instead of crashing, and say so in the log.
/// </summary>
public sealed class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        logger.LogWarning("No Orleans silo reachable yet (attempt {Attempt}): {Reason}. Retrying; check that src/Silo hosts are running with the same Orleans:ClusterId and database.", attempt, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}
