using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Graph;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Points the product at the active stand-in through the seams any deployment has, so the product's types never
/// know it: its Entra instance settings, the OpenID Connect back channel and the HTTP clients' handler.
/// </summary>
internal static class StandInEntraSeams
{
    public static void PointEntraAtStandIn(this WebApplicationBuilder builder, EntraStandIn standIn)
    {
        // SignInOptions belongs to the API, which this assembly cannot reference (the API references it): the stand-in
        // replaces its setting instead, as an operator would for another cloud. Added last, it wins over every other source.
        builder.Configuration.AddInMemoryCollection([new("SignIn:Instance", standIn.Instance.ToString())]);

        // TOTAL's shared app signs in and reads Graph at the stand-in too, whatever AzureAd:Instance says.
        builder.Services.AddSingleton<IPostConfigureOptions<VendorAppOptions>>(
            new PostConfigureOptions<VendorAppOptions>(null, options => options.Instance = standIn.Instance.ToString()));

        // Configured rather than post-configured: the handler's own post-configuration builds the back-channel client
        // from this handler (metadata, keys, token redemption), and must find it set.
        builder.Services.ConfigureAll<OpenIdConnectOptions>(options => options.BackchannelHttpHandler = standIn.CreateBackchannelHandler());

        // Every named client (Entra discovery, the shared app's metadata, Graph and its tokens) trusts the stand-in's
        // pinned certificate; the handler validates every other server as usual.
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(standIn.CreateBackchannelHandler));
    }
}
