using Microsoft.Extensions.Options;
using Total.Api.SignIn.StandIn;
using Total.Grains.Abstractions.Graph;

namespace Total.Api.GraphStandIn;

/// <summary>
/// While the local Entra stand-in runs, the product reads Graph from the stand-in and gets its tokens there,
/// whatever <c>Graph:BaseUrl</c> and <c>Graph:AuthorityHost</c> say (as sign-in uses the stand-in's authority).
/// Evaluated when the options are first read: with <c>HttpsPort</c> 0 the port is known only after start.
/// </summary>
internal sealed class StandInGraphOptionsSetup(EntraStandIn standIn) : IPostConfigureOptions<GraphOptions>
{
    public void PostConfigure(string? name, GraphOptions options)
    {
        options.BaseUrl = $"{standIn.Instance}{GraphStandInHosting.BasePath.TrimStart('/')}";
        options.AuthorityHost = standIn.Instance.ToString();
    }
}
