using Total.DevStandIns.Demo;
using Total.DevStandIns.Entra;

namespace Total.DevStandIns;

/// <summary>
/// Plugs the development stand-ins into the API, only from its composition root and never in a Release build: the
/// local Entra sign-in stand-in with its Microsoft Graph stand-in (<c>SignIn:StandIn</c>, Development only) and the
/// demo tenant (<c>Demo</c>). They reach the product through its settings, options post-configuration, HTTP client
/// handlers and their own endpoints; no product type knows them.
/// </summary>
public static class DevelopmentStandInsHosting
{
    /// <summary>Before <c>Build()</c>; harmless when the stand-ins are off.</summary>
    public static WebApplicationBuilder AddDevelopmentStandIns(this WebApplicationBuilder builder)
    {
        builder.AddEntraStandIn();
        builder.Services.AddOptions<DemoTenantOptions>().Bind(builder.Configuration.GetSection(DemoTenantOptions.Section));
        builder.Services.AddHostedService<DemoTenantSeeder>();
        return builder;
    }

    /// <summary>After <c>Build()</c>: the stand-ins' endpoints, when they are active.</summary>
    public static WebApplication MapDevelopmentStandIns(this WebApplication app) => app.MapEntraStandIn();
}
