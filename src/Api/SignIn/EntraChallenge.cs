using Microsoft.AspNetCore.Authentication;

namespace Total.Api.SignIn;

/// <summary>
/// Sends the browser to Microsoft's sign-in through an OpenID Connect scheme. Starting needs the authority's OpenID
/// configuration, fetched from Entra on the first sign-in (and again when it is refreshed); when Entra cannot be reached
/// the person is sent to a page that says so (<see cref="UnavailablePath"/>), not left with an empty 500.
/// </summary>
public sealed class EntraChallenge(string scheme, AuthenticationProperties properties, string tenantId) : IResult
{
    public const string UnavailablePath = "/signin-unavailable";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            await httpContext.ChallengeAsync(scheme, properties);
        }
        catch (Exception exception) when (IsEntraUnreachable(exception) && !httpContext.Response.HasStarted)
        {
            httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<EntraChallenge>().LogWarning(
                exception,
                "Sign-in to tenant {TenantId} could not start: Microsoft Entra's OpenID configuration could not be fetched. Check that this process reaches SignIn__Instance (and AzureAd__Instance) over HTTPS",
                tenantId);
            httpContext.Response.Redirect($"{UnavailablePath}?tenant={Uri.EscapeDataString(tenantId)}");
        }
    }

    /// <summary>The metadata fetch failed on the network or at Entra (Microsoft.IdentityModel wraps it in an InvalidOperationException).</summary>
    private static bool IsEntraUnreachable(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is HttpRequestException or IOException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
