namespace Total.Api.Tests.Infrastructure.Requirements;

/// <summary>
/// Which tests a run leaves out: locally, those that need a <see cref="Requirement"/> this machine lacks, counted
/// per requirement so the run can say so once instead of skipping each. Under <c>CI=true</c> none: there each such
/// test runs and fails (<see cref="CiRequirement"/>), since CI must never pass by leaving tests out.
/// </summary>
public static class TestsThisMachineRuns
{
    /// <summary>Splits <paramref name="tests"/> into those to run and, per unmet requirement, those not run.</summary>
    public static (List<T> Run, Dictionary<Requirement, List<T>> NotRun) Select<T>(
        IEnumerable<T> tests,
        Func<T, IReadOnlyDictionary<string, IReadOnlyCollection<string>>> traits,
        IEnumerable<Requirement> requirements,
        bool inCi)
    {
        var unmet = inCi ? [] : requirements.Where(requirement => !requirement.IsMet()).ToList();
        var run = new List<T>();
        var notRun = new Dictionary<Requirement, List<T>>();
        foreach (var test in tests)
        {
            var missing = unmet.FirstOrDefault(requirement => requirement.IsNeededBy(traits(test)));
            if (missing is null)
            {
                run.Add(test);
            }
            else if (notRun.TryGetValue(missing, out var left))
            {
                left.Add(test);
            }
            else
            {
                notRun[missing] = [test];
            }
        }

        return (run, notRun);
    }
}
