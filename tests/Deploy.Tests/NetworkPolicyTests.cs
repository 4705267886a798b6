using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>Each component accepts only what it serves and reaches only what it needs.</summary>
public sealed class NetworkPolicyTests
{
    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_pod_is_isolated_for_ingress_and_egress(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.PodTemplates, p =>
        {
            var policy = Assert.Single(Policies(rendered), n => LabelTests.Selects(n.Spec.PodSelector, p.Template.Metadata.Labels));
            Assert.Equal(["Egress", "Ingress"], policy.Spec.PolicyTypes.Order(StringComparer.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task The_api_accepts_only_http_on_8080(string path)
    {
        var policy = For(await Kustomizations.RenderAsync(path), "total-api");

        Assert.Equal([8080], IngressPorts(policy));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task Silo_port_is_open_to_silos_and_gateway_to_api_pods_only(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);
        var policy = For(rendered, "total-silo");
        var silo = rendered.Deployment("total-silo").Spec.Template.Metadata.Labels;
        var api = rendered.Deployment("total-api").Spec.Template.Metadata.Labels;

        Assert.Equal([8081, 11111, 30000], IngressPorts(policy));
        Assert.True(OnlyFrom(policy, 11111, silo), "11111 must be reachable from silo pods only");
        Assert.True(OnlyFrom(policy, 30000, api), "30000 must be reachable from API pods only");
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Egress_is_limited_to_postgres_dns_https_and_orleans_ports(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(Policies(rendered), policy =>
        {
            var ports = (policy.Spec.Egress ?? []).SelectMany(rule => rule.Ports ?? []).Select(p => int.Parse(p.Port.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(ports, port => Assert.Contains(port, new[] { 53, 443, 5432, 11111, 30000 }));
            Assert.All(policy.Spec.Egress ?? [], rule => Assert.NotEmpty(rule.Ports ?? []));
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task The_migration_job_accepts_no_connections(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(Policies(rendered).Where(p => p.Spec.PodSelector.MatchLabels?["app.kubernetes.io/component"] == "migration"), p => Assert.Empty(p.Spec.Ingress ?? []));
    }

    private static IEnumerable<V1NetworkPolicy> Policies(Rendered rendered) => rendered.Objects.OfType<V1NetworkPolicy>();

    private static V1NetworkPolicy For(Rendered rendered, string deployment)
    {
        var labels = rendered.Deployment(deployment).Spec.Template.Metadata.Labels;
        return Assert.Single(Policies(rendered), p => LabelTests.Selects(p.Spec.PodSelector, labels));
    }

    private static int[] IngressPorts(V1NetworkPolicy policy) =>
    [
        .. policy.Spec.Ingress.SelectMany(rule => rule.Ports ?? throw new InvalidOperationException("an ingress rule without ports opens every port"))
            .Select(p => int.Parse(p.Port.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Order(),
    ];

    /// <summary>Every rule that opens <paramref name="port"/> names its peers, and they are pods with these labels.</summary>
    private static bool OnlyFrom(V1NetworkPolicy policy, int port, IDictionary<string, string> labels) =>
        policy.Spec.Ingress.Where(rule => rule.Ports.Any(p => p.Port.Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .All(rule => rule.FromProperty is { Count: > 0 } peers
                && peers.All(peer => peer.IpBlock is null && peer.NamespaceSelector is null && peer.PodSelector is not null && LabelTests.Selects(peer.PodSelector, labels)));
}
