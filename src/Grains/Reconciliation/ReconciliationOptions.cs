namespace Total.Grains.Reconciliation;

/// <summary>Settings of the per-tenant reconciliation (section <c>Reconciliation</c>).</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Time between two runs for each tenant. The promise is revocation within 40 minutes; 5 keeps it with room for failures.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest one run may take (Graph paging and honoured Retry-After included) before it is abandoned.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long grants and revocations stay in the access log.</summary>
    public TimeSpan AccessLogRetention { get; set; } = TimeSpan.FromDays(400);
}
