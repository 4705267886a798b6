using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>
/// Long-running containers have startup, readiness and liveness probes on the product's health endpoints:
/// <c>/readyz</c> gates traffic and rollouts; liveness restarts a stuck process: <c>/healthz</c> (a grain answers) on
/// silos, <c>/livez</c> (the process answers) on the API, whose grains live elsewhere.
/// </summary>
public sealed class ProbeTests
{
    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_deployment_container_has_startup_readiness_and_liveness_probes(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.Deployments, d =>
        {
            var c = d.Spec.Template.Spec.Containers.Single();
            Assert.Equal("/healthz", c.StartupProbe?.HttpGet?.Path);
            Assert.Equal("/readyz", c.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal(d.Metadata.Name.EndsWith("-api", StringComparison.Ordinal) ? "/livez" : "/healthz", c.LivenessProbe?.HttpGet?.Path);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Probes_reach_the_port_the_process_listens_on(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.Deployments.SelectMany(d => d.Spec.Template.Spec.Containers), c =>
        {
            var listening = new Uri(c.Literal("ASPNETCORE_URLS")!.Replace("+", "localhost", StringComparison.Ordinal)).Port;
            Assert.All(new[] { c.StartupProbe, c.ReadinessProbe, c.LivenessProbe }, probe =>
                Assert.Equal(listening, c.Ports.Single(p => p.Name == probe.HttpGet.Port.Value).ContainerPort));
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Probe_timeouts_outlast_the_grain_call_health_check(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        // GrainCallHealthCheck gives a grain call 5 s; a shorter probe timeout would turn "slow" into "failed".
        Assert.All(rendered.Deployments.SelectMany(d => d.Spec.Template.Spec.Containers), c =>
            Assert.All(new[] { c.StartupProbe, c.ReadinessProbe, c.LivenessProbe }, probe => Assert.True(probe.TimeoutSeconds > 5)));
    }
}
