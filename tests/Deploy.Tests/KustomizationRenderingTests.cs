using k8s;
using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>Every kustomization renders offline and every object it renders is valid Kubernetes, field by field.</summary>
public sealed class KustomizationRenderingTests
{
    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Kustomization_renders_and_every_object_loads_strictly(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.NotEmpty(rendered.Objects);
        Assert.All(rendered.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.False(string.IsNullOrEmpty(o.Metadata?.Name), $"{o.Kind} without a name"));
    }

    [Fact]
    public void Production_and_staging_each_have_an_application_and_a_migration_overlay()
    {
        Assert.Equal(
            ["overlays/production", "overlays/production/migration", "overlays/staging", "overlays/staging/migration"],
            Kustomizations.Overlays);
    }

    [Fact]
    public void Strict_loading_rejects_an_unknown_field()
    {
        const string misplaced = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: typo
            spec:
              template:
                spec:
                  terminationGracePeriod: 150
            """;

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(misplaced, null, strict: true));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.OverlayData), MemberType = typeof(Kustomizations))]
    public async Task Overlays_place_everything_in_a_namespace(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.Objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.False(string.IsNullOrEmpty(o.Metadata.NamespaceProperty), $"{o.Kind}/{o.Metadata.Name} has no namespace"));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.OverlayData), MemberType = typeof(Kustomizations))]
    public async Task Overlays_pin_every_image_to_a_registry_and_a_tag(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        var images = rendered.PodTemplates.SelectMany(p => p.Template.Spec.Containers).Select(c => c.Image).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            Assert.Contains('/', image);
            Assert.Matches(@"(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$", image);
            Assert.DoesNotMatch(":latest$", image);
        });
    }
}
