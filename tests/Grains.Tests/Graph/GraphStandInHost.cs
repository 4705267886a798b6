using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Total.DevStandIns.Entra;

namespace Total.Grains.Tests.Graph;

/// <summary>
/// The Graph stand-in (src/DevStandIns) on a free HTTPS port of its own and the product's Graph reader, pointed at it
/// through the stand-in's seams as in the API, in one small web host: no API, no silo.
/// </summary>
public sealed class GraphStandInHost : IAsyncLifetime
{
    private WebApplication? _app;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["SignIn:StandIn:Enabled"] = "true",
            ["SignIn:StandIn:HttpsPort"] = "0",

            // The tests make the stand-in slow on purpose; a short attempt timeout keeps them quick.
            ["Graph:RequestTimeout"] = "00:00:03",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Total.Grains.Graph"] = "Error",
            ["Logging:LogLevel:Total.DevStandIns.Entra.EntraStandInAnnouncement"] = "Error",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddEntraGroupReader(builder.Configuration);

        // The stand-in's sign-in pages read the provisioned directory through grains; Graph tests never open them.
        builder.Services.AddSingleton<IGrainFactory>(_ => throw new NotSupportedException("No grains in the Graph stand-in host."));
        builder.AddEntraStandIn();
        _app = builder.Build();
        _app.MapEntraStandIn();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
