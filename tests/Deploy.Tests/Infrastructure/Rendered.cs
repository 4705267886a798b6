using k8s;
using k8s.Models;

namespace Total.Deploy.Tests.Infrastructure;

/// <summary>The objects one kustomization renders, as the Kubernetes client's typed models.</summary>
public sealed class Rendered(string path, IReadOnlyList<object> objects)
{
    public string Path { get; } = path;

    public IReadOnlyList<object> Objects { get; } = objects;

    public IEnumerable<V1Deployment> Deployments => Objects.OfType<V1Deployment>();

    public IEnumerable<V1Job> Jobs => Objects.OfType<V1Job>();

    /// <summary>Every pod template, named by its owner: what actually runs.</summary>
    public IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates =>
        Deployments.Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template))
            .Concat(Jobs.Select(j => ($"Job/{j.Metadata.Name}", j.Spec.Template)));

    public V1Deployment Deployment(string name) =>
        Deployments.SingleOrDefault(d => d.Metadata.Name == name) ?? throw new InvalidOperationException($"{Path} renders no Deployment {name}");

    public V1Deployment? DeploymentOrNull(string name) => Deployments.SingleOrDefault(d => d.Metadata.Name == name);

    /// <summary>
    /// <c>strict: true</c> rejects unknown fields (a typo, a field in the wrong place) and duplicate keys; an
    /// unknown kind or apiVersion has no model and fails too.
    /// </summary>
    public static async Task<Rendered> LoadAsync(string path)
    {
        var yaml = await Kubectl.KustomizeAsync(System.IO.Path.Combine(Repository.Kubernetes, path));
        return new Rendered(path, KubernetesYaml.LoadAllFromString(yaml, null, strict: true));
    }
}
