using k8s.Models;

namespace Total.Deploy.Tests.Infrastructure;

/// <summary>Reading a container's environment as the process will see it.</summary>
public static class ContainerEnvironment
{
    public static V1EnvVar Env(this V1Container container, string name) =>
        container.Env?.SingleOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"container {container.Name} has no env {name}");

    /// <summary>A literal value (not one taken from a Secret or field), or null.</summary>
    public static string? Literal(this V1Container container, string name) => container.Env?.SingleOrDefault(e => e.Name == name)?.Value;
}
