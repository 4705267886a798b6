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
        // Process-wide: no implicit default authentication scheme. With a single registered scheme ASP.NET would
        // authenticate every request (SCIM calls included) with it; each endpoint group names the scheme it uses.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", isEnabled: true);
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

        // The console's Razor Pages (src/Api/Pages): everything under /Console needs a console session.
        builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Console", SignInHosting.ConsolePolicy));
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
        app.MapRazorPages();
        return app;
    }
}
