namespace Total.Grains.Abstractions.Sessions;

/// <summary>
/// The console sessions of one user that were signed out before they expired, keyed <c>{tenant}/{user}</c>. A session
/// cookie lives in the browser (and in any copy of it) until it expires; this grain is what makes a sign-out hold on
/// the server, in every API process: each console request asks it whether its session id was ended.
/// </summary>
[Alias("Total.EndedSessions")]
public interface IEndedSessionsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records <paramref name="sessionId"/> (started at <paramref name="startedAt"/>) as ended; it is remembered until
    /// <paramref name="forgetAfter"/>, when the session's absolute lifetime would have ended it anyway.
    /// </summary>
    [Alias("End")]
    Task EndAsync(string sessionId, DateTimeOffset startedAt, DateTimeOffset forgetAfter);

    /// <summary>True when the session <paramref name="sessionId"/>, started at <paramref name="startedAt"/>, was ended.</summary>
    [Alias("IsEnded"), ReadOnly]
    Task<bool> IsEndedAsync(string sessionId, DateTimeOffset startedAt);
}
