using Total.Hosting.Database;
using Total.Hosting.Health;
using Total.Hosting.Http;
using Total.Hosting.Silos;

namespace Total.Silo;

/// <summary>
/// The silo host for cluster mode: runs the grains on PostgreSQL and serves <c>/healthz</c> and <c>/readyz</c>
/// for probes. <c>migrate</c> as the first argument applies database migrations and exits (Kubernetes Job).
/// </summary>
public static class Program
{
    /// <summary>Where probes reach the silo unless <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5081";

    public static async Task<int> Main(string[] args)
    {
        var builder = CreateBuilder(args);
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole()))
        {
            if (await SchemaMigrationHosting.RunMigrateCommandAsync(args, builder.Configuration, loggerFactory) is { } exitCode)
            {
                return exitCode;
            }
        }

        await Build(builder).RunAsync();
        return 0;
    }

    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(args).UseDefaultUrl(DefaultUrl);

    public static WebApplication Build(WebApplicationBuilder builder, Action<IServiceCollection>? configureServices = null)
    {
        builder.AddTotalOrleansForSiloHost();
        builder.Services.AddTotalHealthChecks(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapTotalHealthChecks();
        return app;
    }
}
