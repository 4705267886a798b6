using System.Collections.Concurrent;

namespace Total.Deploy.Tests.Infrastructure;

/// <summary>
/// Every kustomization under <c>deploy/kubernetes</c> (components are not rendered on their own), each
/// rendered once per test run and loaded strictly.
/// </summary>
public static class Kustomizations
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Rendered>>> Cache = new();

    /// <summary>Paths relative to <c>deploy/kubernetes</c>, e.g. <c>overlays/production</c>.</summary>
    public static IReadOnlyList<string> All { get; } = Find();

    /// <summary>The kustomizations SREs apply: every overlay, application and migration.</summary>
    public static IReadOnlyList<string> Overlays { get; } = [.. All.Where(path => path.StartsWith("overlays/", StringComparison.Ordinal))];

    /// <summary>Overlays of the application (API and silos), without their migration Jobs.</summary>
    public static IReadOnlyList<string> ApplicationOverlays { get; } = [.. Overlays.Where(path => !path.EndsWith("/migration", StringComparison.Ordinal))];

    public static TheoryData<string> AllData => [.. All];

    public static TheoryData<string> OverlayData => [.. Overlays];

    public static TheoryData<string> ApplicationOverlayData => [.. ApplicationOverlays];

    /// <summary>The kustomization rendered by kubectl and loaded strictly into the Kubernetes client's models.</summary>
    public static Task<Rendered> RenderAsync(string path) =>
        Cache.GetOrAdd(path, p => new Lazy<Task<Rendered>>(() => Rendered.LoadAsync(p))).Value;

    private static string[] Find() =>
    [
        .. Directory.EnumerateFiles(Repository.Kubernetes, "kustomization.yaml", SearchOption.AllDirectories)
            .Where(file => !File.ReadLines(file).Any(line => line.Trim() == "kind: Component"))
            .Select(file => Path.GetRelativePath(Repository.Kubernetes, Path.GetDirectoryName(file)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];
}
