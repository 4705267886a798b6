using System.Diagnostics;

namespace Total.Deploy.Tests.Infrastructure;

/// <summary>
/// Renders kustomizations with <c>kubectl kustomize</c>, offline. Without kubectl the tests skip locally and
/// FAIL under CI=true: CI must never pass by skipping them (.ci/run installs the apt package kubectl).
/// </summary>
public static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The rendered YAML of the kustomization in <paramref name="directory"/>.</summary>
    public static async Task<string> KustomizeAsync(string directory)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize {directory} took longer than {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string Executable()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "kubectl"))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("kubectl is not on PATH under CI=true: the Kubernetes manifest tests must run in CI. .ci/run installs it (apt package kubectl).");
        }

        Assert.Skip("kubectl is not on PATH; install it (apt-get install kubectl) to render and check the Kubernetes manifests.");
        return "";
    }
}
