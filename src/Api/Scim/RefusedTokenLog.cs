namespace Total.Api.Scim;

/// <summary>
/// Logs refused SCIM bearer tokens at most once a minute per tenant, counting the ones in between, so a
/// customer whose Secret Token is stale is visible to SREs while a flood of made-up tokens cannot flood the
/// log. Unauthenticated callers choose the tenant id in the URL, so at most <see cref="MaxTracked"/> tenants
/// are tracked at a time; refusals beyond that share one entry.
/// </summary>
public sealed class RefusedTokenLog(ILogger<RefusedTokenLog> logger, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public const int MaxTracked = 1_000;

    public const string OtherTenants = "(other tenants)";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Refused(string tenantId)
    {
        var now = time.GetUtcNow();
        int unlogged;
        lock (_gate)
        {
            if (!_entries.ContainsKey(tenantId) && _entries.Count >= MaxTracked)
            {
                ForgetQuietTenants(now);
                if (_entries.Count >= MaxTracked)
                {
                    tenantId = OtherTenants;
                }
            }

            if (_entries.TryGetValue(tenantId, out var entry) && now - entry.LastLogged < Window)
            {
                entry.Unlogged++;
                return;
            }

            unlogged = entry?.Unlogged ?? 0;
            _entries[tenantId] = new Entry { LastLogged = now };
        }

        logger.LogWarning(
            "SCIM request for tenant {TenantId} refused: invalid bearer token ({Unlogged} more refused since the last such line, at most one a minute)",
            tenantId,
            unlogged);
    }

    /// <summary>Drops tenants not logged within the window; their in-between counts are dropped with them.</summary>
    private void ForgetQuietTenants(DateTimeOffset now)
    {
        foreach (var (tenantId, entry) in _entries.Where(e => now - e.Value.LastLogged >= Window).ToList())
        {
            _entries.Remove(tenantId);
        }
    }

    private sealed class Entry
    {
        public DateTimeOffset LastLogged { get; init; }

        public int Unlogged { get; set; }
    }
}
