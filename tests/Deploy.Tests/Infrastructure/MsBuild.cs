using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Total.Deploy.Tests.Infrastructure;

/// <summary>Evaluates a project of the repository with <c>dotnet msbuild</c> (evaluation only: nothing is built or restored).</summary>
public static class MsBuild
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The project's <paramref name="property"/> and the <c>ProjectReference</c> items' file names in <paramref name="configuration"/>.</summary>
    public static async Task<(string Property, IReadOnlyList<string> ProjectReferences)> EvaluateAsync(string project, string configuration, string property)
    {
        // Under dotnet test the host names itself; run by hand, the dotnet on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in new[] { "msbuild", Path.Combine(Repository.Root, project), $"-getProperty:{property}", "-getItem:ProjectReference", $"-p:Configuration={configuration}", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet msbuild did not start");
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet msbuild {project} failed ({process.ExitCode}): {await error}{await output}");
        }

        var json = JsonNode.Parse(await output)!;
        var references = json["Items"]?["ProjectReference"]?.AsArray().Select(item => (string)item!["Filename"]!).ToList() ?? [];
        return ((string?)json["Properties"]?[property] ?? "", references);
    }
}
