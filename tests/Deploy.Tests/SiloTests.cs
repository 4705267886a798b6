using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>Silos as the Orleans docs recommend on Kubernetes: identity from the downward API, fixed ports, time to drain.</summary>
public sealed class SiloTests
{
    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task Silo_name_and_advertised_address_come_from_the_downward_api(string path)
    {
        var silo = await SiloContainerAsync(path);

        Assert.Equal("metadata.name", silo.Env("Orleans__SiloName").ValueFrom?.FieldRef?.FieldPath);
        Assert.Equal("status.podIP", silo.Env("Orleans__AdvertisedIPAddress").ValueFrom?.FieldRef?.FieldPath);
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task Silo_and_gateway_ports_are_11111_and_30000_in_settings_and_on_the_container(string path)
    {
        var silo = await SiloContainerAsync(path);

        Assert.Equal("11111", silo.Literal("Orleans__SiloPort"));
        Assert.Equal("30000", silo.Literal("Orleans__GatewayPort"));
        Assert.Equal(11111, silo.Ports.Single(p => p.Name == "silo").ContainerPort);
        Assert.Equal(30000, silo.Ports.Single(p => p.Name == "gateway").ContainerPort);
        Assert.Equal("http://+:8081", silo.Literal("ASPNETCORE_URLS"));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task Silos_get_time_to_drain(string path)
    {
        var pod = (await Kustomizations.RenderAsync(path)).Deployment("total-silo").Spec.Template.Spec;

        Assert.True(pod.TerminationGracePeriodSeconds >= 120, "terminationGracePeriodSeconds < 120");
        Assert.True(RolloutTests.HostShutdownSeconds(pod.Containers.Single()) >= 90, "a silo needs time to hand over grains and reminders");
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task Silos_request_cpu_without_a_cpu_limit(string path)
    {
        var silo = await SiloContainerAsync(path);

        Assert.True(silo.Resources.Requests.ContainsKey("cpu"));
        Assert.False(silo.Resources.Limits?.ContainsKey("cpu") ?? false, "a CPU limit throttles silos into missed membership probes");
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task A_pod_disruption_budget_selects_the_silo_pods_and_lets_at_most_one_go(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);
        var silos = rendered.Deployment("total-silo");

        var budget = Assert.Single(rendered.Objects.OfType<V1PodDisruptionBudget>(), b => LabelTests.Selects(b.Spec.Selector, silos.Spec.Template.Metadata.Labels));
        Assert.Equal("1", budget.Spec.MaxUnavailable?.Value);
        Assert.True(silos.Spec.Replicas >= 2, "one silo cannot survive a disruption");
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task No_service_puts_a_virtual_ip_in_front_of_silo_ports(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);
        var siloLabels = rendered.Deployment("total-silo").Spec.Template.Metadata.Labels;

        // Silos and clients connect pod IP to pod IP from the membership table; a headless Service would be harmless.
        Assert.DoesNotContain(rendered.Objects.OfType<V1Service>(), s =>
            s.Spec.ClusterIP != "None" && s.Spec.Selector.All(l => siloLabels.TryGetValue(l.Key, out var v) && v == l.Value));
    }

    private static async Task<V1Container> SiloContainerAsync(string path) =>
        (await Kustomizations.RenderAsync(path)).Deployment("total-silo").Spec.Template.Spec.Containers.Single();
}
