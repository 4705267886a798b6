namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// Real time plus an offset the test moves forward. Only wall-clock reads shift; timers and timestamps stay
/// real, so Orleans' own timing is untouched while expiry logic sees the future.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
