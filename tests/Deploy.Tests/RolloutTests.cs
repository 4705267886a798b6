using System.Globalization;
using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>Rollouts and terminations never drop capacity or cut a process off mid-shutdown.</summary>
public sealed class RolloutTests
{
    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_deployment_adds_a_pod_before_removing_one(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.Deployments, d =>
        {
            Assert.Equal("0", d.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
            Assert.Equal("1", d.Spec.Strategy.RollingUpdate.MaxSurge.Value);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_host_finishes_shutting_down_before_the_kubelet_kills_it(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.Deployments.Select(d => d.Spec.Template.Spec), pod =>
        {
            var container = pod.Containers.Single();
            var preStop = container.Lifecycle?.PreStop?.Sleep?.Seconds ?? 0;
            Assert.True(preStop + HostShutdownSeconds(container) < (pod.TerminationGracePeriodSeconds ?? 30), $"{container.Name}: preStop + host shutdown outlast the grace period");
        });
    }

    /// <summary>The host's shutdown timeout (<c>Lifecycle__ShutdownTimeout</c>; the product's default 120 s when unset).</summary>
    public static int HostShutdownSeconds(V1Container container) =>
        (int)(container.Literal("Lifecycle__ShutdownTimeout") is { } value ? TimeSpan.Parse(value, CultureInfo.InvariantCulture) : TimeSpan.FromMinutes(2)).TotalSeconds;
}
