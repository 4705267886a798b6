using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>Wires console sign-in: per-tenant OpenID Connect schemes, the console session cookie and the pages' authorization.</summary>
public static class SignInHosting
{
    public const string ConsolePolicy = "ConsoleAdmin";

    public static WebApplicationBuilder AddConsoleSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var signIn = builder.Configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        services.AddOptions<SignInOptions>().Bind(builder.Configuration.GetSection(SignInOptions.Section));
        services.AddSingleton<TenantOidcSchemes>();
        services.AddSingleton<ConsoleSessionMetrics>();
        services.AddMemoryCache();
        services.AddSingleton<EntraTenantDiscovery>();
        services.AddHttpClient(EntraTenantDiscovery.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<StandIn.EntraStandIn>().CreateBackchannelHandler());
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, TenantOidcOptionsSetup>();

        // Tenant schemes are added at run time; the handler's own post-configuration must still apply to them.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddAuthentication()
            .AddCookie(ConsoleSession.Scheme, options => ConsoleSession.Configure(options, builder.Environment.IsDevelopment(), signIn.SessionIdleTimeout));
        services.AddAuthorizationBuilder().AddPolicy(ConsolePolicy, policy => policy
            .AddAuthenticationSchemes(ConsoleSession.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ConsoleClaims.TenantId));
        services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Console", ConsolePolicy));
        return builder;
    }

    /// <summary>Security headers, then the per-tenant scheme for OIDC callbacks, then authentication.</summary>
    public static WebApplication UseConsoleSignIn(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // A callback may reach an API process that never issued the challenge (several pods): make sure the
        // tenant's scheme exists here before the authentication middleware looks for a handler.
        app.Use(async (context, next) =>
        {
            var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments is { Length: 2 } && segments[0] is "signin-oidc" or "signout-callback-oidc")
            {
                await context.RequestServices.GetRequiredService<TenantOidcSchemes>().EnsureAsync(segments[1]);
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapConsoleSignIn(this WebApplication app)
    {
        app.MapGet("/t/{tenantId:length(1,64)}/signin", async (string tenantId, string? login_hint, TenantOidcSchemes schemes) =>
        {
            var settings = await schemes.EnsureAsync(tenantId);
            if (settings is null)
            {
                return Results.Redirect(SignInTokenValidation.NoAccessUrl(NoAccessReason.TenantNotOnboarded, null));
            }

            return settings.CanSignIn
                ? Results.Challenge(LoginHint.Carry(new AuthenticationProperties { RedirectUri = "/console" }, login_hint), [TenantOidcSchemes.SchemeName(tenantId)])
                : Results.Redirect(SignInTokenValidation.NoAccessUrl(NoAccessReason.SignInNotConfigured, tenantId));
        });
        app.MapRazorPages();
        return app;
    }
}
