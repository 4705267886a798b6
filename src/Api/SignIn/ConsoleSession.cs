using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;

namespace Total.Api.SignIn;

/// <summary>
/// The console session: our own cookie (HttpOnly, SameSite=Lax, Secure outside Development), issued only
/// after sign-in checks. Every request compares the access revision the session was granted under with the
/// user's access grain (one in-memory grain call): if access changed since (removed from the admin group,
/// disabled, deleted, revoked by Graph) the session ends on that very request.
/// </summary>
public static class ConsoleSession
{
    public const string Scheme = "console";
    private const string EndedItem = "total.session-ended";

    public static void Configure(CookieAuthenticationOptions options, bool development, TimeSpan idleTimeout)
    {
        options.Cookie.Name = development ? "total-console" : "__Host-total-console";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = idleTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = "/signin";
        options.AccessDeniedPath = "/no-access";
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = RecheckAccessAsync,
            OnRedirectToLogin = context =>
            {
                var ended = context.HttpContext.Items[EndedItem] as string;
                context.Response.Redirect(ended is null ? context.RedirectUri : SignInTokenValidation.NoAccessUrl(NoAccessReason.SessionEnded, ended));
                return Task.CompletedTask;
            },
        };
    }

    private static async Task RecheckAccessAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var tenantId = principal.FindFirst(ConsoleClaims.TenantId)?.Value;
        var oid = principal.FindFirst(ConsoleClaims.ObjectId)?.Value;
        var userId = principal.FindFirst(ConsoleClaims.UserId)?.Value;
        if (tenantId is null || oid is null || userId is null
            || !long.TryParse(principal.FindFirst(ConsoleClaims.AccessRevision)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var granted))
        {
            context.RejectPrincipal();
            return;
        }

        var access = await context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>()
            .GetGrain<IUserAccessGrain>(ScimKeys.Resource(tenantId, userId)).GetAsync();
        var metrics = context.HttpContext.RequestServices.GetRequiredService<ConsoleSessionMetrics>();
        var sessionId = principal.FindFirst(ConsoleClaims.SessionId)?.Value;
        if (access.Allows(oid, granted))
        {
            if (sessionId is not null)
            {
                metrics.Seen(sessionId);
            }

            return;
        }

        metrics.Ended(tenantId, sessionId, "access_changed");

        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSession))
            .LogInformation("Console session of {ObjectId} in tenant {TenantId} ended: access changed", oid, tenantId);
        context.HttpContext.Items[EndedItem] = tenantId;
        NoAccessContext.Issue(context.HttpContext, tenantId);
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
