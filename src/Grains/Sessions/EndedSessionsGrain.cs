using Total.Grains.Abstractions.Sessions;
using Total.Grains.Storage;

namespace Total.Grains.Sessions;

/// <inheritdoc cref="IEndedSessionsGrain"/>
/// <remarks>
/// Persisted, so a sign-out outlives this activation and the silo. Bounded: entries past their absolute lifetime are
/// dropped on every sign-out, and beyond <see cref="Capacity"/> the oldest are folded into one "ended every session
/// started up to" time, which may end some older sessions of the same user too but never lets an ended one back in.
/// </remarks>
public sealed class EndedSessionsGrain(
    [PersistentState(GrainStorage.EndedSessionsState, GrainStorage.ProviderName)] IPersistentState<EndedSessionsState> state,
    TimeProvider time)
    : Grain, IEndedSessionsGrain
{
    public const int Capacity = 100;

    public async Task EndAsync(string sessionId, DateTimeOffset startedAt, DateTimeOffset forgetAfter)
    {
        var ended = state.State;
        var now = time.GetUtcNow();
        ended.Sessions.RemoveAll(session => session.ForgetAfter <= now || session.SessionId == sessionId);
        ended.Sessions.Add(new EndedSession(sessionId, startedAt, forgetAfter));
        if (ended.Sessions.Count > Capacity)
        {
            var dropped = ended.Sessions.OrderBy(session => session.StartedAt).Take(ended.Sessions.Count - Capacity).ToList();
            var upTo = dropped.Max(session => session.StartedAt);
            ended.EndedStartedUpTo = ended.EndedStartedUpTo is { } earlier && earlier > upTo ? earlier : upTo;
            ended.Sessions.RemoveAll(session => session.StartedAt <= upTo);
        }

        await state.WriteStateAsync();
    }

    public Task<bool> IsEndedAsync(string sessionId, DateTimeOffset startedAt) =>
        Task.FromResult(startedAt <= state.State.EndedStartedUpTo || state.State.Sessions.Exists(session => session.SessionId == sessionId));
}
