namespace Total.Deploy.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from (found by walking up to <c>Total.sln</c>).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Kubernetes { get; } = Path.Combine(Root, "deploy", "kubernetes");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Total.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Total.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
