using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Sessions;

namespace Total.Api.SignIn;

/// <summary>
/// The console session: our own cookie (HttpOnly, SameSite=Lax, Secure outside Development), issued only
/// after sign-in checks. Every request compares the access revision the session was granted under with the
/// user's access grain (one in-memory grain call): if access changed since (removed from the admin group,
/// disabled, deleted, revoked by Graph) the session ends on that very request. So does a session that was signed
/// out (a copy of its cookie is worth nothing: <see cref="IEndedSessionsGrain"/>) or that reached its absolute
/// lifetime (<see cref="SignInOptions.AbsoluteSessionLifetime"/>), however active.
/// </summary>
public static class ConsoleSession
{
    public const string Scheme = "console";
    private const string EndedItem = "total.session-ended";
    private const string ExpiredItem = "total.session-expired";

    /// <summary>The cookie's shape and events; its idle timeout (<see cref="SignInOptions.SessionIdleTimeout"/>) is configured from the options.</summary>
    public static void Configure(CookieAuthenticationOptions options, bool development)
    {
        options.Cookie.Name = development ? "total-console" : "__Host-total-console";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.Path = "/";
        options.SlidingExpiration = true;
        options.LoginPath = "/signin";
        options.AccessDeniedPath = "/no-access";
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = RecheckAccessAsync,
            OnRedirectToLogin = context =>
            {
                var items = context.HttpContext.Items;
                context.Response.Redirect(
                    items[EndedItem] is string ended ? SignInTokenValidation.NoAccessUrl(NoAccessReason.SessionEnded, ended)
                    : items[ExpiredItem] is string expired ? $"/t/{Uri.EscapeDataString(expired)}"
                    : context.RedirectUri);
                return Task.CompletedTask;
            },
        };
    }

    private static async Task RecheckAccessAsync(CookieValidatePrincipalContext context)
    {
        if (!ConsoleSessionIdentity.TryRead(context.Principal!, out var session))
        {
            context.RejectPrincipal();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var metrics = services.GetRequiredService<ConsoleSessionMetrics>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSession));
        var lifetime = services.GetRequiredService<IOptions<SignInOptions>>().Value.AbsoluteSessionLifetime;
        if (services.GetRequiredService<TimeProvider>().GetUtcNow() >= session.StartedAt + lifetime)
        {
            // Sliding renewal would keep a busy (or stolen and replayed) cookie alive for ever: the lifetime caps it.
            metrics.Ended(session.TenantId, session.SessionId, "expired");
            logger.LogInformation("Console session of {ObjectId} in tenant {TenantId} ended: it reached its absolute lifetime", session.ObjectId, session.TenantId);
            context.HttpContext.Items[ExpiredItem] = session.TenantId;
            await EndAsync(context);
            return;
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        var accessCall = grains.GetGrain<IUserAccessGrain>(ScimKeys.Resource(session.TenantId, session.UserId)).GetAsync();
        var endedCall = grains.GetGrain<IEndedSessionsGrain>(ScimKeys.Resource(session.TenantId, session.UserId)).IsEndedAsync(session.SessionId, session.StartedAt);
        var access = await accessCall;
        if (await endedCall)
        {
            // Signed out already (and counted then): this is a copy of the cookie, or a browser that kept it.
            logger.LogInformation("Console session of {ObjectId} in tenant {TenantId} refused: it was signed out", session.ObjectId, session.TenantId);
            await EndAsync(context);
            return;
        }

        if (access.Allows(session.ObjectId, session.AccessRevision))
        {
            metrics.Seen(session.SessionId);
            return;
        }

        metrics.Ended(session.TenantId, session.SessionId, "access_changed");
        logger.LogInformation("Console session of {ObjectId} in tenant {TenantId} ended: access changed", session.ObjectId, session.TenantId);
        context.HttpContext.Items[EndedItem] = session.TenantId;
        NoAccessContext.Issue(context.HttpContext, session.TenantId);
        await EndAsync(context);
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
