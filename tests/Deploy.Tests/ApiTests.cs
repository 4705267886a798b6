using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>The API runs as a stateless Orleans client, scaled on CPU.</summary>
public sealed class ApiTests
{
    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task The_api_is_an_orleans_client_on_port_8080(string path)
    {
        var api = (await Kustomizations.RenderAsync(path)).Deployment("total-api").Spec.Template.Spec.Containers.Single();

        Assert.Equal("Client", api.Literal("Orleans__Mode"));
        Assert.Equal("http://+:8080", api.Literal("ASPNETCORE_URLS"));
        Assert.Equal(8080, Assert.Single(api.Ports).ContainerPort);
        Assert.NotNull(api.Env("ConnectionStrings__Total").ValueFrom?.SecretKeyRef);
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task An_hpa_scales_the_api_deployment_on_cpu(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        var hpa = Assert.Single(rendered.Objects.OfType<V2HorizontalPodAutoscaler>());
        Assert.Equal(("apps/v1", "Deployment", "total-api"), (hpa.Spec.ScaleTargetRef.ApiVersion, hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        var metric = Assert.Single(hpa.Spec.Metrics);
        Assert.Equal("cpu", metric.Resource?.Name);
        Assert.Equal("Utilization", metric.Resource?.Target.Type);
        Assert.True(hpa.Spec.MinReplicas >= 2, "one API pod is a single point of failure");
        Assert.True(hpa.Spec.MaxReplicas > hpa.Spec.MinReplicas);
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task The_api_deployment_leaves_replicas_to_the_hpa(string path)
    {
        var api = (await Kustomizations.RenderAsync(path)).Deployment("total-api");

        // A replicas field would be reset by every kubectl apply, fighting the autoscaler.
        Assert.Null(api.Spec.Replicas);
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task Production_settings_leave_migrations_to_the_job(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        var settings = Assert.Single(rendered.Objects.OfType<V1ConfigMap>(), c => c.Metadata.Name.StartsWith("total-settings", StringComparison.Ordinal));
        Assert.Equal("false", settings.Data["Database__ApplyMigrationsOnStart"]);
        Assert.Equal("Production", settings.Data["ASPNETCORE_ENVIRONMENT"]);
        Assert.All(rendered.Deployments, d => Assert.Contains(
            d.Spec.Template.Spec.Containers.Single().EnvFrom,
            e => e.ConfigMapRef?.Name == settings.Metadata.Name));
    }
}
