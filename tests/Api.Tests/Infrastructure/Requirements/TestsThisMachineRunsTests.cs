namespace Total.Api.Tests.Infrastructure.Requirements;

/// <summary>How a run leaves out the tests that need what the machine lacks, and what it says instead.</summary>
public sealed class TestsThisMachineRunsTests
{
    private static readonly Requirement Missing = new("Thing", () => false, "install thing");
    private static readonly Requirement There = new("Other", () => true, "install other");

    private static readonly IReadOnlyDictionary<string, IReadOnlyCollection<string>> NeedsNothing = new Dictionary<string, IReadOnlyCollection<string>>();

    [Fact]
    public void Locally_a_test_needing_a_missing_requirement_is_not_run_and_counted_under_it()
    {
        var (run, notRun) = TestsThisMachineRuns.Select(["plain", "thing-1", "thing-2"], Traits, [Missing, There], inCi: false);

        Assert.Equal(["plain"], run);
        Assert.Equal(["thing-1", "thing-2"], Assert.Single(notRun, group => group.Key == Missing).Value);
    }

    [Fact]
    public void A_test_needing_a_requirement_the_machine_has_runs()
    {
        var (run, notRun) = TestsThisMachineRuns.Select(["plain", "other-1"], Traits, [Missing, There], inCi: false);

        Assert.Equal(["plain", "other-1"], run);
        Assert.Empty(notRun);
    }

    [Fact]
    public void Under_ci_every_test_runs_so_a_missing_requirement_fails_them()
    {
        var (run, notRun) = TestsThisMachineRuns.Select(["plain", "thing-1"], Traits, [Missing], inCi: true);

        Assert.Equal(["plain", "thing-1"], run);
        Assert.Empty(notRun);
    }

    [Fact]
    public void The_postgresql_notice_says_how_many_were_not_run_and_both_ways_to_run_them()
    {
        Assert.Equal(
            "312 PostgreSQL tests were not run: install PostgreSQL 15 (apt-get install postgresql-15) or set TOTAL_TEST_POSTGRES=<connection string> to run them.",
            Requirement.PostgreSQLServer.NotRunNotice(312));
    }

    [Fact]
    public void Every_test_class_on_a_postgresql_fixture_says_it_needs_postgresql()
    {
        var unmarked = typeof(TestsThisMachineRunsTests).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.GetInterfaces().Any(UsesPostgresFixture))
            .Where(type => !type.GetCustomAttributes(typeof(NeedsAttribute), inherit: false).Cast<NeedsAttribute>().Any(needs => needs.Requirement == Requirement.PostgreSQL))
            .Select(type => type.Name);

        Assert.Empty(unmarked);
    }

    private static bool UsesPostgresFixture(Type contract) =>
        contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IClassFixture<>) && contract.GetGenericArguments()[0].IsAssignableTo(typeof(PostgresDatabaseFixture));

    // "thing-1" needs Thing, "other-1" needs Other, "plain" nothing.
    private static IReadOnlyDictionary<string, IReadOnlyCollection<string>> Traits(string test) => test switch
    {
        _ when test.StartsWith("thing", StringComparison.Ordinal) => new Dictionary<string, IReadOnlyCollection<string>> { [NeedsAttribute.TraitName] = [Missing.Name] },
        _ when test.StartsWith("other", StringComparison.Ordinal) => new Dictionary<string, IReadOnlyCollection<string>> { [NeedsAttribute.TraitName] = [There.Name] },
        _ => NeedsNothing,
    };
}
