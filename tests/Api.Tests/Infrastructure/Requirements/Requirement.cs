using Total.Api.Tests.Browser;

namespace Total.Api.Tests.Infrastructure.Requirements;

/// <summary>
/// Something a group of tests needs from the machine, beyond .NET: a PostgreSQL server, Chromium. Tests say so with
/// <see cref="NeedsAttribute"/>; where it is missing they are not run, and the run says once how many and how to run
/// them (<see cref="TestsThisMachineRuns"/>).
/// </summary>
/// <param name="Name">The trait value tests name it by (<c>[Needs(Requirement.PostgreSQL)]</c>).</param>
/// <param name="IsMet">Whether this machine has it; asked once per run, before any test starts.</param>
/// <param name="HowToMeet">What a person does to get it, completing "… to run them".</param>
public sealed record Requirement(string Name, Func<bool> IsMet, string HowToMeet)
{
    public const string PostgreSQL = "PostgreSQL";
    public const string Chromium = "Chromium";

    /// <summary>A PostgreSQL server: <c>TOTAL_TEST_POSTGRES</c>, or PostgreSQL 15 to start a throwaway one.</summary>
    public static Requirement PostgreSQLServer { get; } = new(
        PostgreSQL,
        () => PostgresServer.CanBeHad,
        $"install PostgreSQL 15 (apt-get install postgresql-15) or set {PostgresServer.Variable}=<connection string>");

    /// <summary>Debian's Chromium, which the browser tests drive.</summary>
    public static Requirement ChromiumBrowser { get; } = new(
        Chromium,
        () => File.Exists(BrowserFixture.ChromiumPath),
        "install Chromium (apt-get install chromium)");

    public static IReadOnlyList<Requirement> All { get; } = [PostgreSQLServer, ChromiumBrowser];

    /// <summary>The one line a run prints for the tests it left out for want of this.</summary>
    public string NotRunNotice(int count) => $"{count} {Name} tests were not run: {HowToMeet} to run them.";

    /// <summary>True when a test with these traits needs this.</summary>
    public bool IsNeededBy(IReadOnlyDictionary<string, IReadOnlyCollection<string>> traits) =>
        traits.TryGetValue(NeedsAttribute.TraitName, out var needs) && needs.Contains(Name);
}
