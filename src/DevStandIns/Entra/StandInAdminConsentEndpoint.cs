using Microsoft.AspNetCore.WebUtilities;

namespace Total.DevStandIns.Entra;

/// <summary>
/// <c>GET /{tid}/v2.0/adminconsent?client_id=…&amp;scope=…&amp;redirect_uri=…&amp;state=…</c>, Entra's admin-consent
/// endpoint in its smallest form: the stand-in has no admin to sign in, so the visit itself grants the app consent
/// in that tenant (<see cref="StandInAppRegistrations.SetConsent"/>) and returns as Entra does, with
/// <c>admin_consent=True&amp;tenant=…&amp;scope=…&amp;state=…</c>. Like the sign-in page, it returns to this machine only.
/// </summary>
internal static class StandInAdminConsentEndpoint
{
    public static void Map(IEndpointRouteBuilder browser) => browser.MapGet("/{tenant}/v2.0/adminconsent", Consent);

    private static IResult Consent(
        string tenant,
        HttpContext context,
        StandInAppRegistrations apps,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "client_id")] string? clientId,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "redirect_uri")] string? redirectUri,
        string? scope,
        string? state)
    {
        if (!StandInTenant.TryParse(tenant, out var parsed))
        {
            return Results.NotFound();
        }

        if (parsed.TenantId is not { } entraTenantId)
        {
            return ErrorPage(context, $"AADSTS90002: The local Entra stand-in grants admin consent in one tenant at a time: use the tenant id instead of '{parsed.Segment}'.");
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            return ErrorPage(context, "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }

        if (redirectUri is null || !AuthorizationRequest.IsLoopbackRedirect(redirectUri, out var returnTo))
        {
            return ErrorPage(context, $"AADSTS50011: The redirect URI '{redirectUri}' is not allowed by the local Entra stand-in: it must be an absolute http(s) URL on localhost or 127.0.0.1.");
        }

        apps.SetConsent(entraTenantId, clientId.Trim(), granted: true);
        return Results.Redirect(QueryHelpers.AddQueryString(returnTo!.OriginalString, new Dictionary<string, string?>
        {
            ["admin_consent"] = "True",
            ["tenant"] = entraTenantId.ToString("D"),
            ["scope"] = scope,
            ["state"] = state,
        }.Where(pair => pair.Value is not null)));
    }

    private static IResult ErrorPage(HttpContext context, string message) =>
        StandInHtml.Page(context, StatusCodes.Status400BadRequest, nonce => SignInPage.Error(message, nonce));
}
