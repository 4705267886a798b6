using Microsoft.Extensions.Options;
using Total.Grains.Abstractions;

namespace Total.Hosting.Lifecycle;

public static class LifecycleHosting
{
    /// <summary>Graceful stop for both hosts: drain delay, then Kestrel, then Orleans, within the shutdown timeout.</summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LifecycleOptions, LifecycleOptionsValidator, LifecycleOptionsRulesValidator>(configuration, LifecycleOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<LifecycleOptions>>((host, lifecycle) => host.ShutdownTimeout = lifecycle.Value.ShutdownTimeout);
        services.AddHostedService<GracefulShutdown>();
        return services;
    }
}
