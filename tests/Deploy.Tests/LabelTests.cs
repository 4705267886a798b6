using k8s;
using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>Labels follow app.kubernetes.io/* and every selector selects the pods it is meant for.</summary>
public sealed class LabelTests
{
    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_object_carries_the_recommended_labels(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o =>
        {
            Assert.Equal("total", o.Metadata.Labels?["app.kubernetes.io/name"]);
            Assert.Equal("total", o.Metadata.Labels?["app.kubernetes.io/part-of"]);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_pod_template_has_a_component_label(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.PodTemplates, p => Assert.Contains(p.Template.Metadata.Labels["app.kubernetes.io/component"], new[] { "api", "silo", "migration" }));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Deployment_selectors_match_their_pod_templates(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.Deployments, d => Assert.True(
            Selects(d.Spec.Selector, d.Spec.Template.Metadata.Labels),
            $"Deployment/{d.Metadata.Name}'s selector does not select its own pods"));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task The_api_service_selects_only_api_pods_on_their_http_port(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);
        var service = rendered.Objects.OfType<V1Service>().Single(s => s.Metadata.Name == "total-api");

        Assert.Equal("ClusterIP", service.Spec.Type);
        var selected = rendered.Deployments.Where(d => service.Spec.Selector.All(l => d.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
        Assert.Equal(["total-api"], selected.Select(d => d.Metadata.Name));
        var port = Assert.Single(service.Spec.Ports);
        var container = rendered.Deployment("total-api").Spec.Template.Spec.Containers.Single();
        Assert.Equal(8080, container.Ports.Single(p => p.Name == port.TargetPort.Value).ContainerPort);
    }

    /// <summary>Whether a label selector (matchLabels and matchExpressions) selects pods with these labels.</summary>
    public static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var value) && e.Values.Contains(value),
            "NotIn" => !labels.TryGetValue(e.Key, out var value) || !e.Values.Contains(value),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => false,
        });
}
