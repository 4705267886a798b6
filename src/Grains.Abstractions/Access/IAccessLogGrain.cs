namespace Total.Grains.Abstractions.Access;

/// <summary>
/// Reads a tenant's access records: the access log (every grant and revocation of admin access) and who is
/// admin now. Keyed by tenant id, stateless.
/// </summary>
[Alias("Total.AccessLog")]
public interface IAccessLogGrain : IGrainWithStringKey
{
    [Alias("Read"), ReadOnly]
    Task<IReadOnlyList<AccessEvent>> ReadAsync(AccessLogQuery query);

    /// <summary>The SCIM ids of up to <paramref name="max"/> current admins.</summary>
    [Alias("CurrentAdmins"), ReadOnly]
    Task<IReadOnlyList<string>> CurrentAdminsAsync(int max);
}
