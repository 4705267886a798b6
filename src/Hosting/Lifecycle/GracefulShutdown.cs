using Microsoft.Extensions.Options;

namespace Total.Hosting.Lifecycle;

/// <summary>
/// The first step of stopping: <c>/readyz</c> fails from here on (ApplicationStopping), and this waits <see cref="LifecycleOptions.DrainDelay"/> while requests are still
/// served, so load balancers move traffic away before Kestrel stops listening. Then the host stops Kestrel
/// (in-flight requests finish) and Orleans (a silo deactivates its grains and marks itself dead in the
/// membership table; a client disconnects).
/// </summary>
public sealed class GracefulShutdown(IOptions<LifecycleOptions> options, IHostApplicationLifetime lifetime, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Makes sure ApplicationStopping has fired (readiness reads it) whichever way the stop began.
        lifetime.StopApplication();
        var delay = options.Value.DrainDelay;
        logger.LogInformation("Stopping: not ready any more; serving for {DrainDelay} more before closing listeners", delay);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout ran out: stop now.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopped");
        return Task.CompletedTask;
    }
}
