using Total.Scim;

namespace Total.Hosting.Lifecycle;

/// <summary>How a process stops (section <c>Lifecycle</c>): what Kubernetes' SIGTERM sets in motion.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Lifecycle";

    /// <summary>
    /// After SIGTERM, how long the process keeps serving with <c>/readyz</c> failing before it stops taking
    /// requests: the time load balancers need to notice and route elsewhere. 0 locally; a few seconds on Kubernetes.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = $"{Section}:{nameof(DrainDelay)} must be 00:00:00 to 00:10:00, e.g. 00:00:05 on Kubernetes.")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The longest the whole stop may take: in-flight requests finish, the silo deactivates its grains and leaves
    /// the cluster. Keep it below the pod's terminationGracePeriodSeconds.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "01:00:00", MinimumIsExclusive = true, ErrorMessage = $"{Section}:{nameof(ShutdownTimeout)} must be positive and at most 01:00:00, e.g. 00:02:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(120);
}
