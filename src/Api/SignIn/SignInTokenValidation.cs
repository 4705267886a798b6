using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Total.Api.Logging;
using Total.Grains.Abstractions.Access;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Scim.Schema;

namespace Total.Api.SignIn;

/// <summary>
/// What happens after Entra's ID token passed signature, issuer, audience and lifetime checks, the same for a
/// tenant's own scheme and for TOTAL's shared app: the token must be of the tenant the sign-in is for (<c>tid</c>),
/// name the user (<c>oid</c>), and that user must be provisioned with externalId = oid, active, and in an admin
/// group. Otherwise: no session, and a page that says why. Only then is our own session issued, carrying the
/// access revision it was granted under.
/// </summary>
public static class SignInTokenValidation
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInTokenValidation));
        var grains = services.GetRequiredService<IGrainFactory>();
        var tenantId = TenantIdOf(context.Scheme, context.Properties);
        var tenant = tenantId is null ? null : await grains.GetGrain<ITenantGrain>(tenantId).GetAsync();
        var token = context.Principal!;
        if (tenant is null)
        {
            Deny(context, NoAccessReason.TenantNotOnboarded, null);
            return;
        }

        // A tenant's own authority already pinned its issuer, but the shared app's multi-tenant issuer check accepts
        // every Entra tenant: tid alone says whose token this is, so a token minted for another tenant (a person of
        // another organisation finishing a sign-in started for this one) never opens this tenant's console.
        if (!Guid.TryParse(token.FindFirst("tid")?.Value, out var tid) || tid != tenant.EntraTenantId)
        {
            logger.LogWarning("Sign-in to tenant {TenantId} refused: token tid {Tid} is not the tenant's Entra tenant id", tenant.TenantId, LogText.Escape(token.FindFirst("tid")?.Value));
            Deny(context, NoAccessReason.WrongTenant, tenant.TenantId);
            return;
        }

        var oid = token.FindFirst("oid")?.Value;
        if (string.IsNullOrEmpty(oid))
        {
            Deny(context, NoAccessReason.MissingObjectId, tenant.TenantId);
            return;
        }

        var decision = await grains.GetGrain<IAccessDecisionGrain>(tenant.TenantId).DecideAsync(oid);
        if (decision is null)
        {
            Deny(context, NoAccessReason.TenantNotOnboarded, tenant.TenantId);
            return;
        }

        if (!decision.Admin)
        {
            var reason = decision.UserId is null
                ? await DiagnoseUnprovisionedAsync(grains, tenant.TenantId, token.FindFirst("preferred_username")?.Value)
                : !decision.Active ? NoAccessReason.Disabled : NoAccessReason.NotAdmin;
            logger.LogInformation("Sign-in to tenant {TenantId} refused for oid {ObjectId}: {Reason}", tenant.TenantId, oid, reason);

            // The token proved this person is of the tenant's organisation: the page may name who can help.
            NoAccessContext.Issue(context.HttpContext, tenant.TenantId);
            Deny(context, reason, tenant.TenantId);
            return;
        }

        var sessionId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        services.GetRequiredService<ConsoleSessionMetrics>().Started(tenant.TenantId, sessionId);
        var identity = new ClaimsIdentity(
            [
                new Claim(ConsoleClaims.TenantId, tenant.TenantId),
                new Claim(ConsoleClaims.ObjectId, oid),
                new Claim(ConsoleClaims.UserId, decision.UserId!),
                new Claim(ConsoleClaims.Name, token.FindFirst("name")?.Value ?? token.FindFirst("preferred_username")?.Value ?? oid),
                new Claim(ConsoleClaims.AccessRevision, decision.Revision.ToString(CultureInfo.InvariantCulture)),
                new Claim(ConsoleClaims.SessionId, sessionId),
                new Claim(ConsoleClaims.StartedAt, services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            ],
            ConsoleSession.Scheme,
            ConsoleClaims.Name,
            ClaimTypes.Role);
        context.Principal = new ClaimsPrincipal(identity);
        logger.LogInformation("Admin {ObjectId} signed in to tenant {TenantId}", oid, tenant.TenantId);
    }

    public static Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInTokenValidation));
        logger.LogWarning(context.Failure, "Sign-in through scheme {Scheme} failed", context.Scheme.Name);
        var tenantId = TenantIdOf(context.Scheme, context.Properties);
        context.Response.Redirect(NoAccessUrl(NoAccessReason.SignInFailed, tenantId));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public static string NoAccessUrl(NoAccessReason reason, string? tenantId) =>
        tenantId is null ? $"/no-access?reason={reason}" : $"/no-access?reason={reason}&tenant={Uri.EscapeDataString(tenantId)}";

    /// <summary>
    /// The TOTAL tenant a sign-in is for: a tenant's own scheme names it; TOTAL's shared app carries it in the
    /// protected state (<see cref="VendorOidcScheme"/>). Null when neither does.
    /// </summary>
    private static string? TenantIdOf(AuthenticationScheme scheme, AuthenticationProperties? properties) =>
        scheme.Name == VendorOidcScheme.Name ? VendorOidcScheme.TenantId(properties) : TenantOidcSchemes.TenantIdOf(scheme.Name);

    /// <summary>
    /// No user has externalId = oid. If one has the same userName (UPN), the person is provisioned but the
    /// mapping externalId ← objectId was not set in Entra: say that, not "you are not provisioned".
    /// </summary>
    private static async Task<NoAccessReason> DiagnoseUnprovisionedAsync(IGrainFactory grains, string tenantId, string? preferredUsername)
    {
        if (string.IsNullOrWhiteSpace(preferredUsername))
        {
            return NoAccessReason.NotProvisioned;
        }

        var user = await grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenantId, ScimResourceSchema.User)).FindByNameAsync(preferredUsername);
        return user is not null ? NoAccessReason.ExternalIdMappingWrong : NoAccessReason.NotProvisioned;
    }

    private static void Deny(TokenValidatedContext context, NoAccessReason reason, string? tenantId)
    {
        context.Response.Redirect(NoAccessUrl(reason, tenantId));
        context.HandleResponse();
    }
}
