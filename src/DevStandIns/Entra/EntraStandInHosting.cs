using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Total.DevStandIns.Graph;

namespace Total.DevStandIns.Entra;

/// <summary>
/// Wires the local Entra stand-in into a web application: <see cref="AddEntraStandIn"/> before <c>Build()</c>,
/// <see cref="MapEntraStandIn"/> after. Both are harmless when the stand-in is off.
/// </summary>
public static class EntraStandInHosting
{
    /// <summary>
    /// Registers <see cref="EntraStandIn"/> (always) and, when it is active (Development and
    /// <c>SignIn:StandIn:Enabled</c>), an HTTPS endpoint on 127.0.0.1:<c>HttpsPort</c> with a certificate made now.
    /// The configured URLs keep working: they are bound as explicit endpoints too. While it is active the product's
    /// Entra and Graph settings point at it (<see cref="StandInEntraSeams"/>).
    /// </summary>
    public static WebApplicationBuilder AddEntraStandIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EntraStandInOptions.Section);
        builder.Services.AddOptions<EntraStandInOptions>().Bind(section);
        var options = section.Get<EntraStandInOptions>() ?? new EntraStandInOptions();
        var active = options.Enabled && builder.Environment.IsDevelopment();
        if (active && options.HttpsPort is < 0 or > IPEndPoint.MaxPort)
        {
            throw new InvalidOperationException($"SignIn:StandIn:HttpsPort must be a port number (0 for any free port), not {options.HttpsPort}.");
        }

        // Made here rather than by the container because Kestrel's endpoint setup below needs its certificate.
        var standIn = new EntraStandIn(active, options.HttpsPort);
        builder.Services.AddSingleton(_ => standIn);
        builder.Services.AddSingleton(_ => new AuthorizationCodes(TimeProvider.System));
        builder.Services.AddSingleton<StandInTokenIssuer>();
        builder.Services.AddSingleton<StandInAppRegistrations>();
        builder.Services.AddHostedService<EntraStandInAnnouncement>();
        builder.Services.AddGraphStandIn(standIn);
        if (!active)
        {
            return builder;
        }

        builder.PointEntraAtStandIn(standIn);
        if (standIn.ReservedPort is { } reserved)
        {
            builder.Services.Configure<SocketTransportOptions>(sockets =>
            {
                var fallback = sockets.CreateBoundListenSocket;
                sockets.CreateBoundListenSocket = endpoint => reserved.CreateBoundListenSocket(endpoint, fallback);
            });
        }

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Any endpoint added here makes Kestrel ignore urls/ASPNETCORE_URLS, so bind those explicitly first
            // (first, so the product's own address stays the first server address).
            ConfiguredUrlEndpoints.ListenOn(kestrel, context.Configuration);
            kestrel.Listen(IPAddress.Loopback, standIn.Port, listen => listen.UseHttps(standIn.TlsCertificate));
        });
        return builder;
    }

    /// <summary>
    /// Maps the stand-in's Entra v2.0 endpoints and the Microsoft Graph stand-in when it is active; maps nothing
    /// otherwise (they are 404). Discovery, keys, the token endpoint and Graph answer only on the stand-in's HTTPS
    /// endpoint; authorize, logout and admin consent, which browsers visit, answer on every endpoint.
    /// </summary>
    public static WebApplication MapEntraStandIn(this WebApplication app)
    {
        var standIn = app.Services.GetRequiredService<EntraStandIn>();
        if (!standIn.IsActive)
        {
            return app;
        }

        var backchannel = app.MapGroup(string.Empty)
            .AddEndpointFilter(async (invocation, next) =>
                standIn.IsOwnEndpoint(invocation.HttpContext) ? await next(invocation) : Results.NotFound())
            .ExcludeFromDescription();
        StandInDiscoveryEndpoints.Map(backchannel);
        StandInTokenEndpoint.Map(backchannel);
        backchannel.MapGraphStandIn();

        var browser = app.MapGroup(string.Empty).ExcludeFromDescription();
        StandInAuthorizeEndpoints.Map(browser);
        StandInAdminConsentEndpoint.Map(browser);
        return app;
    }
}
