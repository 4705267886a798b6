using Total.Scim;

namespace Total.Grains.Reconciliation;

/// <summary>Settings of the per-tenant reconciliation (section <c>Reconciliation</c>).</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Time between two runs for each tenant. The promise is revocation within 40 minutes; 5 keeps it with room for failures.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true, ErrorMessage = $"{Section}:{nameof(Period)} must be positive and at most 1.00:00:00, e.g. 00:05:00 (revocation within 40 minutes needs it well below that).")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest one run may take (Graph paging and honoured Retry-After included) before it is abandoned.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "01:00:00", MinimumIsExclusive = true, ErrorMessage = $"{Section}:{nameof(RunTimeout)} must be positive and at most 01:00:00, e.g. 00:02:00.")]
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long grants and revocations stay in the access log.</summary>
    [SettingRange(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = $"{Section}:{nameof(AccessLogRetention)} must be 1.00:00:00 to 3650.00:00:00 (1 day to 10 years), e.g. 400.00:00:00.")]
    public TimeSpan AccessLogRetention { get; set; } = TimeSpan.FromDays(400);
}
