using Total.Api.Operator;
using Total.Api.Scim;
using Total.Api.SignIn;
#if DEV_STANDINS
using Total.DevStandIns;
#endif
using Total.Hosting.DataProtection;
using Total.Hosting.Health;
using Total.Hosting.Http;
using Total.Hosting.Silos;

namespace Total.Api;

/// <summary>
/// Builds the TOTAL web application. Tests use the same two calls as <see cref="Program"/>, so what they
/// exercise is exactly what runs.
/// </summary>
public static class TotalApi
{
    /// <summary>The address served when neither <c>ASPNETCORE_URLS</c> nor <c>--urls</c> says otherwise (fixed contract).</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <remarks>The application is this assembly whoever hosts it (tests too), so Razor Pages finds the console's pages.</remarks>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(TotalApi).Assembly.GetName().Name })
            .UseDefaultUrl(DefaultUrl);

    /// <param name="builder">From <see cref="CreateBuilder"/>.</param>
    /// <param name="configureServices">Runs last before the container is built; tests use it to swap the clock.</param>
    public static WebApplication Build(WebApplicationBuilder builder, Action<IServiceCollection>? configureServices = null)
    {
        builder.AddTotalOrleansForApi();
        builder.Services.AddTotalHealthChecks(builder.Configuration);
        builder.Services.AddOperatorApi(builder.Configuration);
        builder.Services.AddScimApi(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddTotalDataProtection(builder.Configuration);
#if DEV_STANDINS
        // Entra sign-in, Microsoft Graph and the demo tenant stood in locally (Development only); a Release build has none.
        builder.AddDevelopmentStandIns();
#endif
        builder.AddConsoleSignIn();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseFormsNeedHttps();
        app.UseStaticFiles();
        app.UseConsoleSignIn();
        app.MapTotalHealthChecks();
        app.MapOperatorApi();
        app.MapOperatorDashboard(builder.Configuration);
        app.MapScimApi();
#if DEV_STANDINS
        app.MapDevelopmentStandIns();
#endif
        app.MapConsoleSignIn();
        return app;
    }
}
