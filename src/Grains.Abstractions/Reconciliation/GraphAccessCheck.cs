namespace Total.Grains.Abstractions.Reconciliation;

/// <summary>The result of "test Graph access": whether it worked and, if not, what to fix.</summary>
[GenerateSerializer, Immutable, Alias("Total.GraphAccessCheck")]
public sealed record GraphAccessCheck(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string Message,
    [property: Id(2)] DateTimeOffset CheckedAt);
