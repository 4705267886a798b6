using System.Reflection;
using Total.Api.Tests.Infrastructure.Requirements;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestFramework(typeof(RequirementsTestFramework))]

namespace Total.Api.Tests.Infrastructure.Requirements;

/// <summary>
/// xunit's own framework, except that a run leaves out the tests this machine cannot run
/// (<see cref="TestsThisMachineRuns"/>) and reports each group as one skipped entry whose reason is
/// <see cref="Requirement.NotRunNotice"/>: <c>dotnet test</c> shows only test results, so that is its one line.
/// </summary>
public sealed class RequirementsTestFramework : XunitTestFramework
{
    protected override ITestFrameworkExecutor CreateExecutor(Assembly assembly) => new Executor(base.CreateExecutor(assembly));

    private sealed class Executor(ITestFrameworkExecutor xunit) : ITestFrameworkExecutor, IAsyncDisposable
    {
        public ValueTask RunTestCases(
            IReadOnlyCollection<ITestCase> testCases,
            IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions,
            CancellationToken? cancellationToken = null)
        {
            var (run, notRun) = TestsThisMachineRuns.Select(testCases, testCase => testCase.Traits, Requirement.All, CiRequirement.InCi);
            run.AddRange(notRun.Select(group => NotRunEntry(group.Key, group.Value)));
            return xunit.RunTestCases(run, executionMessageSink, executionOptions, cancellationToken);
        }

        public ValueTask DisposeAsync() => xunit is IAsyncDisposable disposable ? disposable.DisposeAsync() : default;

        // Borrows the first left-out test's method only to have a place in the tree; being skipped, it never runs.
        private static XunitTestCase NotRunEntry(Requirement requirement, List<ITestCase> notRun) => new(
            ((IXunitTestCase)notRun[0]).TestMethod,
            testCaseDisplayName: $"{requirement.Name} tests",
            uniqueID: $"not-run:{requirement.Name}",
            @explicit: false,
            skipExceptions: null,
            skipReason: requirement.NotRunNotice(notRun.Count),
            skipType: null,
            skipUnless: null,
            skipWhen: null);
    }
}
