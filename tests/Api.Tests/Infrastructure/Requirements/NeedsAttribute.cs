using Xunit.v3;

namespace Total.Api.Tests.Infrastructure.Requirements;

/// <summary>
/// Marks a test class or method as needing a <see cref="Requirement"/> (the trait <c>Needs=PostgreSQL</c>, so
/// <c>--filter-trait Needs=PostgreSQL</c> picks them too). Where the machine lacks it, the run leaves the test out.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class NeedsAttribute(string requirement) : Attribute, ITraitAttribute
{
    public const string TraitName = "Needs";

    public string Requirement { get; } = requirement;

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, Requirement)];
}
