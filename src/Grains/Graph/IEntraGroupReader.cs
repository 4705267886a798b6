using Total.Grains.Abstractions.Graph;
namespace Total.Grains.Graph;

/// <summary>
/// Reads the membership of a tenant's admin groups from Microsoft Graph with the tenant's own app registration
/// (client credentials, application permission GroupMember.Read.All). Used by reconciliation, which can only
/// take admin access away with what it reads, never grant it.
/// </summary>
public interface IEntraGroupReader
{
    /// <summary>
    /// Reads membership changes of <paramref name="groupIds"/> (Entra object ids, at most 50) since
    /// <paramref name="deltaLink"/>, following every page. Without a delta link, or when Graph says it expired,
    /// reads every member (<see cref="GroupMembershipRead.IsFullSnapshot"/>).
    /// </summary>
    /// <exception cref="GraphAccessException">Graph could not be read; the message is safe to show an admin.</exception>
    Task<GroupMembershipRead> ReadAsync(GraphCredentials credentials, IReadOnlyList<string> groupIds, string? deltaLink, CancellationToken cancellationToken);

    /// <summary>
    /// The console's "test Graph access": gets a token and reads one page of members of the first group (or any
    /// group when none is given), proving the credentials, the admin consent and GroupMember.Read.All.
    /// </summary>
    /// <exception cref="GraphAccessException">What failed, in words an admin can act on.</exception>
    Task ProbeAsync(GraphCredentials credentials, IReadOnlyList<string> groupIds, CancellationToken cancellationToken);
}
