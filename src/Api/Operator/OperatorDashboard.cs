using Orleans.Dashboard;
using Total.Hosting.Silos;

namespace Total.Api.Operator;

/// <summary>The Orleans dashboard at <c>/operator/dashboard</c>, behind operator authorization (it has none of its own).</summary>
public static class OperatorDashboard
{
    public const string Path = "/operator/dashboard";

    public static IEndpointRouteBuilder MapOperatorDashboard(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (DashboardHosting.Options(configuration).Enabled)
        {
            endpoints.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(OperatorKeyAuthenticationHandler.PolicyName);
        }

        return endpoints;
    }
}
