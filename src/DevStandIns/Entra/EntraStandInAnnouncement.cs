using Microsoft.Extensions.Options;
using Total.DevStandIns.Graph;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Says at start whether the stand-in runs and where, and warns when it was enabled where it must never run,
/// so a mis-set <c>SignIn__StandIn__Enabled</c> in production is visible rather than silently ignored.
/// </summary>
internal sealed class EntraStandInAnnouncement(
    EntraStandIn standIn,
    IOptions<EntraStandInOptions> options,
    IHostEnvironment environment,
    ILogger<EntraStandInAnnouncement> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled && !standIn.IsActive)
        {
            logger.LogWarning(
                "SignIn:StandIn:Enabled is set but the environment is {Environment}: the local Entra stand-in runs only in Development and stays OFF. Remove the setting; production signs in with Microsoft Entra ID.",
                environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs after the server bound its ports, so a dynamic port is known.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (standIn.IsActive)
        {
            logger.LogWarning(
                "LOCAL ENTRA STAND-IN is active at {Instance} (Development only): anyone who can reach it can sign in as any user. Its certificate is self-signed and made at startup; back-channel clients trust it through EntraStandIn.CreateBackchannelHandler(). Its Microsoft Graph stand-in serves {GraphBaseUrl} (control API: {GraphControl}); Graph reads go there.",
                standIn.Instance,
                $"{standIn.Instance}{GraphStandInHosting.BasePath.TrimStart('/')}",
                $"{standIn.Instance}{GraphStandInHosting.ControlPath.TrimStart('/')}/{{tid}}/...");
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
