namespace Total.Hosting.Lifecycle;

public static class LifecycleHosting
{
    /// <summary>Graceful stop for both hosts: drain delay, then Kestrel, then Orleans, within the shutdown timeout.</summary>
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LifecycleOptions.Section);
        services.AddOptions<LifecycleOptions>().Bind(section);
        var timeout = (section.Get<LifecycleOptions>() ?? new LifecycleOptions()).ShutdownTimeout;
        services.Configure<HostOptions>(host => host.ShutdownTimeout = timeout);
        services.AddHostedService<GracefulShutdown>();
        return services;
    }
}
