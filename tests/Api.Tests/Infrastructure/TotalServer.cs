using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// The real TOTAL API (or silo host) on Kestrel at 127.0.0.1 on a free port, built by the same calls as its
/// Program. Tests talk to it over real HTTP.
/// </summary>
public sealed class TotalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TotalServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the API with <paramref name="settings"/> (see <see cref="TestSettings.ForServer"/>).</summary>
    public static Task<TotalServer> StartApiAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var builder = TotalApi.CreateBuilder(TestSettings.ToArgs(settings));
        return StartAsync(TotalApi.Build(builder, configureServices));
    }

    /// <summary>Starts a <c>src/Silo</c> host with <paramref name="settings"/>.</summary>
    public static Task<TotalServer> StartSiloAsync(IDictionary<string, string?> settings)
    {
        var builder = Silo.Program.CreateBuilder(TestSettings.ToArgs(settings));
        return StartAsync(Silo.Program.Build(builder));
    }

    private static async Task<TotalServer> StartAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await app.StartAsync(timeout.Token);
        }
        catch
        {
            // A server that refused to start (tests provoke that) must not leave its host and silo behind.
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TotalServer(app, new Uri(address));
    }

    /// <summary>An HTTP client for this server; with <paramref name="bearer"/>, authenticated by it.</summary>
    public HttpClient CreateClient(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public HttpClient CreateOperatorClient() => CreateClient(TestSettings.OperatorKey);

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
