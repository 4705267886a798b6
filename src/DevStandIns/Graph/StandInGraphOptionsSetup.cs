using Microsoft.Extensions.Options;
using Total.DevStandIns.Entra;
using Total.Grains.Abstractions.Graph;

namespace Total.DevStandIns.Graph;

/// <summary>
/// While the local Entra stand-in runs, the product reads Graph from the stand-in and gets its tokens there,
/// whatever <c>Graph:BaseUrl</c> and <c>Graph:AuthorityHost</c> say (as sign-in uses the stand-in's authority).
/// Its port is known from the start, so the options validated on start are these.
/// </summary>
internal sealed class StandInGraphOptionsSetup(EntraStandIn standIn) : IPostConfigureOptions<GraphOptions>
{
    public void PostConfigure(string? name, GraphOptions options)
    {
        options.BaseUrl = $"{standIn.Instance}{GraphStandInHosting.BasePath.TrimStart('/')}";
        options.AuthorityHost = standIn.Instance.ToString();
    }
}
