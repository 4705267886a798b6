using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Total.Grains.Abstractions.Graph;

namespace Total.Api.GraphStandIn;

/// <summary>
/// Recomputes <see cref="GraphOptions"/> once the server has started: a read before then (a grain waking early)
/// could not know the stand-in's dynamic port, and the options monitor would otherwise keep that failure.
/// </summary>
internal sealed class StandInStartedGraphOptionsReload(IHostApplicationLifetime lifetime) : IOptionsChangeTokenSource<GraphOptions>
{
    public string? Name => Options.DefaultName;

    // After start nothing changes any more; a fired token handed out again would make the monitor loop.
    public IChangeToken GetChangeToken() =>
        new CancellationChangeToken(lifetime.ApplicationStarted.IsCancellationRequested ? CancellationToken.None : lifetime.ApplicationStarted);
}
