namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Tests that bound how much the test process's heap grows while they run. The servers under test live in this
/// process beside every other test's, so such a test runs alone: another test's data would count as its growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessHeapCollection
{
    public const string Name = "Measures the process heap";
}
