namespace Total.Grains.Abstractions.Access;

/// <summary>
/// Whether a signed-in Entra user (by <c>oid</c>) may use the admin console and whether TOTAL protects
/// them, with the reasons in words an IT admin can act on. The one decision sign-in, every console
/// request and the operator API use.
/// </summary>
[GenerateSerializer, Immutable, Alias("Total.AccessDecision")]
public sealed record AccessDecision(
    [property: Id(0)] bool Admin,
    [property: Id(1)] bool Monitored,
    [property: Id(2)] bool Active,
    [property: Id(3)] string? UserId,
    [property: Id(4)] IReadOnlyList<string> Reasons,
    [property: Id(5)] IReadOnlyList<string>? GroupNames = null);
