namespace Total.Grains.Sessions;

/// <summary>What <see cref="EndedSessionsGrain"/> stores for one user.</summary>
[GenerateSerializer, Alias("Total.EndedSessionsState")]
public sealed class EndedSessionsState
{
    /// <summary>Session ids ended by sign-out, until their absolute lifetime is over.</summary>
    [Id(0)] public List<EndedSession> Sessions { get; set; } = [];

    /// <summary>Every session started at or before this is ended: what is left of entries dropped to stay bounded.</summary>
    [Id(1)] public DateTimeOffset? EndedStartedUpTo { get; set; }
}

[GenerateSerializer, Immutable, Alias("Total.EndedSession")]
public sealed record EndedSession(
    [property: Id(0)] string SessionId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset ForgetAfter);
