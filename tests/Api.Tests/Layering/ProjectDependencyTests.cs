namespace Total.Api.Tests.Layering;

/// <summary>
/// The front end speaks to grains through their contracts only: what it shares with them (SCIM JSON, limits,
/// token hashing, group references, Graph options) lives in Total.Scim or Total.Grains.Abstractions. The compiler
/// records an assembly reference only for assemblies whose types the code uses, so this fails on the first use of
/// a grain implementation type in src/Api (co-hosting reaches the grains through Total.Hosting).
/// </summary>
public sealed class ProjectDependencyTests
{
    [Fact]
    public void The_api_uses_no_type_of_the_grains_implementation()
    {
        var referenced = typeof(TotalApi).Assembly.GetReferencedAssemblies().Select(name => name.Name).ToList();

        Assert.Contains("Total.Grains.Abstractions", referenced);
        Assert.DoesNotContain("Total.Grains", referenced);
    }
}
