using Microsoft.Extensions.Options;
using Total.DevStandIns.Entra;
using Total.Grains.Abstractions.Graph;

namespace Total.DevStandIns.Graph;

/// <summary>
/// Wires the Microsoft Graph stand-in into the local Entra stand-in's HTTPS listener: Graph v1.0 under
/// <see cref="BasePath"/>, the control API under <see cref="ControlPath"/>, and the product's Graph reader
/// pointed at both the stand-in's Graph and its token endpoint, trusting its pinned certificate.
/// </summary>
public static class GraphStandInHosting
{
    /// <summary>Where Graph v1.0 is served, like <c>https://graph.microsoft.com/v1.0</c>.</summary>
    public const string BasePath = "/graph/v1.0";

    /// <summary>Where tools outside the process seed and steer it.</summary>
    public const string ControlPath = "/graph-standin";

    /// <summary>
    /// Registers the directory (always, so the demo seeder and tests can reach it) and, when the stand-in is
    /// active, points the <see cref="GraphOptions"/> at it (the Graph HTTP client trusts it through <see cref="StandInEntraSeams"/>).
    /// </summary>
    internal static void AddGraphStandIn(this IServiceCollection services, EntraStandIn standIn)
    {
        services.AddSingleton(_ => new GraphStandInDirectory(TimeProvider.System));
        services.AddSingleton<GraphAccessTokenValidator>();
        if (!standIn.IsActive)
        {
            return;
        }

        services.AddSingleton<IPostConfigureOptions<GraphOptions>, StandInGraphOptionsSetup>();
    }

    /// <summary>Maps Graph and the control API on the stand-in's back channel (its own HTTPS endpoint only).</summary>
    internal static void MapGraphStandIn(this IEndpointRouteBuilder backchannel)
    {
        var graph = backchannel.MapGroup(BasePath).AddEndpointFilter(GraphRequestGate.FilterAsync);
        GraphDeltaEndpoint.Map(graph);
        GraphGroupsEndpoints.Map(graph);
        GraphStandInControlEndpoints.Map(backchannel);
    }
}
