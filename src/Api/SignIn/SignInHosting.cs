using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions;
using Total.Grains.Abstractions.Graph;

namespace Total.Api.SignIn;

/// <summary>
/// Wires console sign-in: per-tenant OpenID Connect schemes, TOTAL's shared app for tenants without their own (when
/// <c>AzureAd</c> is configured), the console session cookie and the pages' authorization.
/// </summary>
public static class SignInHosting
{
    public const string ConsolePolicy = "ConsoleAdmin";

    public static WebApplicationBuilder AddConsoleSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<SignInOptions, SignInOptionsValidator, SignInOptionsRulesValidator>(builder.Configuration, SignInOptions.Section);
        services.AddSingleton<TenantOidcSchemes>();
        services.AddSingleton<ConsoleSessionMetrics>();
        services.AddValidatedOptions<GenericSignInOptions, GenericSignInOptionsValidator>(builder.Configuration, GenericSignInOptions.Section);
        services.AddSingleton<GenericSignInRateLimiter>();
        services.AddSingleton<EntraTenantDiscovery>();
        services.AddHttpClient(EntraTenantDiscovery.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, TenantOidcOptionsSetup>();
        services.AddVendorApp(builder.Configuration);
        services.AddSingleton<VendorApp>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, VendorOidcOptionsSetup>();
        services.AddHttpClient(VendorOidcOptionsSetup.MetadataClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        // Tenant schemes are added at run time; the handler's own post-configuration must still apply to them.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        var authentication = services.AddAuthentication()
            .AddCookie(ConsoleSession.Scheme, options => ConsoleSession.Configure(options, builder.Environment.IsDevelopment()));

        // The idle timeout from the checked SignIn section, read through IOptions like every other use of it.
        services.AddOptions<CookieAuthenticationOptions>(ConsoleSession.Scheme)
            .Configure<IOptions<SignInOptions>>((cookie, signIn) => cookie.ExpireTimeSpan = signIn.Value.SessionIdleTimeout);

        if (builder.Configuration.GetSection(VendorAppOptions.Section).Get<VendorAppOptions>() is { IsConfigured: true })
        {
            // One scheme for every tenant without its own app, added at start: its callback may reach any API process.
            authentication.AddRemoteScheme<OpenIdConnectOptions, OpenIdConnectHandler>(VendorOidcScheme.Name, "Microsoft (TOTAL)", null);
        }

        services.AddAuthorizationBuilder().AddPolicy(ConsolePolicy, policy => policy
            .AddAuthenticationSchemes(ConsoleSession.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ConsoleClaims.TenantId));
        services.AddAntiforgery(options => ConsoleAntiforgery.Configure(options, builder.Environment.IsDevelopment()));
        return builder;
    }

    /// <summary>The per-tenant scheme for OIDC callbacks, then authentication.</summary>
    public static WebApplication UseConsoleSignIn(this WebApplication app)
    {
        // A callback may reach an API process that never issued the challenge (several pods): make sure the
        // tenant's scheme exists here before the authentication middleware looks for a handler.
        app.Use((context, next) => CallbackTenant(context.Request.Path) is { } tenantId
            ? EnsureSchemeThenAsync(context, tenantId, next)
            : next(context));
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static async Task EnsureSchemeThenAsync(HttpContext context, string tenantId, RequestDelegate next)
    {
        await context.RequestServices.GetRequiredService<TenantOidcSchemes>().EnsureAsync(tenantId);
        await next(context);
    }

    /// <summary>The tenant of a per-tenant callback path (<c>/signin-oidc/{tenantId}</c>, <c>/signout-callback-oidc/{tenantId}</c>), else null.</summary>
    /// <remarks>Runs on every request, SCIM included: it looks at the path without allocating.</remarks>
    private static string? CallbackTenant(PathString path)
    {
        if (!path.StartsWithSegments("/signin-oidc", StringComparison.Ordinal, out var rest) && !path.StartsWithSegments("/signout-callback-oidc", StringComparison.Ordinal, out rest))
        {
            return null;
        }

        var tenant = rest.Value.AsSpan().Trim('/');
        return tenant.Length > 0 && !tenant.Contains('/') ? tenant.ToString() : null;
    }

    /// <summary>
    /// <c>/t/{tenantId}/signin</c>: the tenant's own app registration when it has one (it always takes precedence, and
    /// while its secret is missing sign-in is not configured), else TOTAL's shared app when configured, else a page
    /// saying sign-in is not configured. When Entra cannot be reached, a page saying so (<see cref="EntraChallenge"/>).
    /// </summary>
    public static WebApplication MapConsoleSignIn(this WebApplication app)
    {
        app.MapGet("/t/{tenantId:length(1,64)}/signin", async (string tenantId, string? login_hint, TenantOidcSchemes schemes, VendorApp vendorApp) =>
        {
            var settings = await schemes.EnsureAsync(tenantId);
            if (settings is null)
            {
                return Results.Redirect(SignInTokenValidation.NoAccessUrl(NoAccessReason.TenantNotOnboarded, null));
            }

            var properties = LoginHint.Carry(new AuthenticationProperties { RedirectUri = "/console" }, login_hint);
            if (settings.CanSignIn)
            {
                return new EntraChallenge(TenantOidcSchemes.SchemeName(tenantId), properties, tenantId);
            }

            return vendorApp.IsConfigured && !settings.HasOwnApp
                ? new EntraChallenge(VendorOidcScheme.Name, VendorOidcScheme.For(settings, properties), tenantId)
                : Results.Redirect(SignInTokenValidation.NoAccessUrl(NoAccessReason.SignInNotConfigured, tenantId));
        });
        return app;
    }
}
