using Microsoft.Extensions.DependencyInjection;
using Total.DevStandIns.Entra;
using Total.DevStandIns.Graph;
using Total.Grains.Abstractions.Graph;
using Total.Grains.Graph;

namespace Total.Grains.Tests.Graph;

/// <summary>
/// A fresh Entra tenant in the Graph stand-in for one test (tests share a server, never a tenant), with an app
/// registration's credentials the stand-in accepts (it knows no registration until a test adds one).
/// </summary>
internal sealed class GraphTestTenant
{
    /// <param name="services">Of a host that runs the Graph stand-in and the product's Graph reader pointed at it.</param>
    public GraphTestTenant(IServiceProvider services)
    {
        Graph = services.GetRequiredService<GraphStandInDirectory>().Tenant(Id);
        Apps = services.GetRequiredService<StandInAppRegistrations>();
        Reader = services.GetRequiredService<IEntraGroupReader>();
        Credentials = new GraphCredentials(Id, Guid.NewGuid().ToString(), "secret-" + Guid.NewGuid().ToString("N"));
    }

    public Guid Id { get; } = Guid.NewGuid();

    public GraphStandInTenant Graph { get; }

    public StandInAppRegistrations Apps { get; }

    public IEntraGroupReader Reader { get; }

    public GraphCredentials Credentials { get; }

    /// <summary>Adds a group with <paramref name="members"/> and returns its object id.</summary>
    public string AddGroup(IEnumerable<string> members, string displayName = "Admins")
    {
        var id = Guid.NewGuid().ToString();
        Graph.PutGroup(id, displayName, members);
        return id;
    }

    public static List<string> NewIds(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString()).ToList();

    public Task<GroupMembershipRead> ReadAsync(IReadOnlyList<string> groupIds, string? deltaLink = null, GraphCredentials? credentials = null) =>
        Reader.ReadAsync(credentials ?? Credentials, groupIds, deltaLink, TestContext.Current.CancellationToken);
}
