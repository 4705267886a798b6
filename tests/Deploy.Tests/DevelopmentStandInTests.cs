using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>
/// The development stand-ins (src/DevStandIns: an Entra sign-in provider that mints tokens, a Graph stand-in, the demo
/// tenant) never reach what the container image runs, and the product knows them only from its composition root.
/// </summary>
public sealed class DevelopmentStandInTests
{
    private const string Api = "src/Api/Api.csproj";

    [Fact]
    public async Task A_release_build_of_the_api_has_no_development_stand_ins()
    {
        var release = await MsBuild.EvaluateAsync(Api, "Release", "DefineConstants");
        var debug = await MsBuild.EvaluateAsync(Api, "Debug", "DefineConstants");

        Assert.DoesNotContain("DevStandIns", release.ProjectReferences);
        Assert.DoesNotContain("DEV_STANDINS", release.Property.Split(';'));
        Assert.Contains("DevStandIns", debug.ProjectReferences);
        Assert.Contains("DEV_STANDINS", debug.Property.Split(';'));
    }

    [Fact]
    public void The_api_image_is_a_release_publish()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Repository.Root, "deploy", "docker", "Api.Dockerfile"));

        Assert.Contains(dockerfile, line => line.StartsWith("RUN dotnet restore src/Api/Api.csproj", StringComparison.Ordinal) && line.Contains("-p:Configuration=Release", StringComparison.Ordinal));
        Assert.Contains(dockerfile, line => line.StartsWith("RUN dotnet publish src/Api/Api.csproj", StringComparison.Ordinal) && line.Contains("-c Release", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_composition_root_of_the_api_names_the_development_stand_ins()
    {
        var api = Path.Combine(Repository.Root, "src", "Api");
        string[] compositionRoot = ["TotalApi.cs", "Program.cs", "Api.csproj"];

        var naming = Directory.EnumerateFiles(api, "*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(api, path) && Path.GetExtension(path) is ".cs" or ".cshtml" or ".csproj" or ".props" or ".targets")
            .Where(path => !compositionRoot.Contains(Path.GetRelativePath(api, path)))
            .Where(path => File.ReadAllText(path).Contains("DevStandIns", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(api, path))
            .ToList();

        Assert.Empty(naming);
    }

    private static bool IsBuildOutput(string project, string path) =>
        Path.GetRelativePath(project, path).Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";
}
