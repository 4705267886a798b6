namespace Total.DevStandIns.Graph;

/// <summary>
/// Faults and shapes a test asks of one tenant's Graph: page size, throttling (429 + Retry-After), outages (503),
/// a slow answer. Each counted fault applies to the next requests of that tenant, whatever they ask for.
/// </summary>
public sealed class GraphStandInKnobs
{
    /// <summary>Graph's own default page size for directory collections.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The most a page may hold, as Graph's <c>$top</c> limit.</summary>
    public const int MaxPageSize = 999;

    private int _pageSize = DefaultPageSize;

    /// <summary>
    /// The most objects per page (members of a delta round, group members, groups), 1 to 999; a smaller
    /// <c>$top</c> or <c>Prefer: odata.maxpagesize</c> lowers it further.
    /// </summary>
    public int PageSize
    {
        get => _pageSize;
        set => _pageSize = value is >= 1 and <= MaxPageSize ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"A page holds 1 to {MaxPageSize} objects.");
    }

    /// <summary>Waited before every answer (a slow Graph); zero by default.</summary>
    public TimeSpan ResponseDelay { get; set; }

    internal FaultBudget Throttling { get; } = new();

    internal FaultBudget Outage { get; } = new();

    /// <summary>The next <paramref name="count"/> requests get 429 TooManyRequests with <c>Retry-After: retryAfterSeconds</c>.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds = 1) => Throttling.Arm(count, retryAfterSeconds);

    /// <summary>The next <paramref name="count"/> requests get 503 serviceNotAvailable, with <c>Retry-After</c> unless null.</summary>
    public void FailNext(int count, int? retryAfterSeconds = 1) => Outage.Arm(count, retryAfterSeconds);
}
