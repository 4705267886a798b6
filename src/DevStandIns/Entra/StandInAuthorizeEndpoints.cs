using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Total.DevStandIns.Entra;

/// <summary>
/// The browser-facing endpoints: the account picker (<c>GET …/oauth2/v2.0/authorize</c>), the pick
/// (<c>POST</c> to the same URL, which issues the code and returns to the app) and logout. The stand-in has no
/// session, so there is nothing for anti-forgery to protect; instead redirects go to this machine only.
/// </summary>
internal static class StandInAuthorizeEndpoints
{
    /// <summary>Claim values longer than this are typing accidents or abuse, not names.</summary>
    private const int MaxClaimLength = 256;

    public static void Map(IEndpointRouteBuilder browser)
    {
        browser.MapGet("/{tenant}/oauth2/v2.0/authorize", PageAsync);
        browser.MapPost("/{tenant}/oauth2/v2.0/authorize", SignInAsync).DisableAntiforgery();
        browser.MapGet("/{tenant}/oauth2/v2.0/logout", Logout);
    }

    private static async Task<IResult> PageAsync(string tenant, HttpContext context, IGrainFactory grains)
    {
        if (!StandInTenant.TryParse(tenant, out var parsed))
        {
            return Results.NotFound();
        }

        var (request, error) = AuthorizationRequest.Read(name => context.Request.Query[name]);
        if (request is null)
        {
            return StandInHtml.Page(context, StatusCodes.Status400BadRequest, nonce => SignInPage.Error(error!, nonce));
        }

        var directory = parsed.TenantId is { } entraTenantId ? await ProvisionedDirectory.ReadAsync(grains, entraTenantId) : null;
        var action = context.Request.PathBase + context.Request.Path;
        return StandInHtml.Page(context, StatusCodes.Status200OK, nonce => SignInPage.Render(parsed, request, directory, action, nonce));
    }

    private static async Task<IResult> SignInAsync(string tenant, HttpContext context, AuthorizationCodes codes, CancellationToken cancellationToken)
    {
        if (!StandInTenant.TryParse(tenant, out var parsed))
        {
            return Results.NotFound();
        }

        if (!context.Request.HasFormContentType)
        {
            return ErrorPage(context, "AADSTS900144: Send the sign-in as an HTML form (application/x-www-form-urlencoded).");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var (request, requestError) = AuthorizationRequest.Read(name => form[name]);
        if (request is null)
        {
            return ErrorPage(context, requestError!);
        }

        var (defects, defectsError) = TokenDefects.Read(name => form[name]);
        if (defects is null)
        {
            return ErrorPage(context, defectsError!);
        }

        var (identity, identityError) = ReadIdentity(parsed, form, defects);
        if (identity is null)
        {
            return ErrorPage(context, identityError!);
        }

        var code = codes.Issue(expiresAt => new AuthorizationGrant(parsed, request, identity, defects, expiresAt));
        var response = new Dictionary<string, string?> { ["code"] = code };
        if (request.State is not null)
        {
            response["state"] = request.State;
        }

        switch (request.ResponseMode)
        {
            case AuthorizationRequest.FormPost:
                var fields = response.Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value!)).ToList();
                return StandInHtml.Page(context, StatusCodes.Status200OK, nonce => SignInPage.FormPost(request.RedirectUri, fields, nonce));
            case AuthorizationRequest.Fragment:
                var withoutFragment = request.RedirectUri.OriginalString.Split('#')[0];
                return Results.Redirect(withoutFragment + "#" + QueryString.Create(response).ToUriComponent()[1..]);
            default:
                return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri.OriginalString, response));
        }
    }

    /// <summary>Entra's logout: the stand-in keeps no session, so it only returns to the app (with its state).</summary>
    private static IResult Logout(string tenant, HttpContext context, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "post_logout_redirect_uri")] string? postLogoutRedirectUri, string? state)
    {
        if (!StandInTenant.TryParse(tenant, out _))
        {
            return Results.NotFound();
        }

        if (string.IsNullOrWhiteSpace(postLogoutRedirectUri))
        {
            return StandInHtml.Page(context, StatusCodes.Status200OK, SignInPage.SignedOut);
        }

        if (!AuthorizationRequest.IsLoopbackRedirect(postLogoutRedirectUri, out var uri))
        {
            return ErrorPage(context, $"AADSTS50011: The post-logout redirect URI '{postLogoutRedirectUri}' is not allowed by the local Entra stand-in: it must be an absolute http(s) URL on localhost or 127.0.0.1.");
        }

        return Results.Redirect(state is null ? uri!.OriginalString : QueryHelpers.AddQueryString(uri!.OriginalString, "state", state));
    }

    private static (SignInIdentity? Identity, string? Error) ReadIdentity(StandInTenant tenant, IFormCollection form, TokenDefects defects)
    {
        Guid tenantId;
        if (tenant.TenantId is { } pathTenant)
        {
            tenantId = pathTenant;
        }
        else if (!Guid.TryParse(Text(form["tid"]), out tenantId) || tenantId == Guid.Empty)
        {
            return (null, "AADSTS90002: Signing in through 'organizations' or 'common' needs the Entra tenant id (tid) of the person, a GUID.");
        }

        var oid = Text(form["oid"]) ?? string.Empty;
        var preferredUsername = Text(form["preferred_username"]);
        var name = Text(form["name"]) ?? preferredUsername;
        if (oid.Length == 0 && !defects.OmitOid)
        {
            return (null, "AADSTS900144: Give the person's object id (oid), or ask for a token without one with omit_oid=true.");
        }

        if (preferredUsername is null || name is null)
        {
            return (null, "AADSTS900144: Give the person's username (preferred_username).");
        }

        if (oid.Length > MaxClaimLength || name.Length > MaxClaimLength || preferredUsername.Length > MaxClaimLength)
        {
            return (null, FormattableString.Invariant($"AADSTS900144: oid, name and preferred_username must be at most {MaxClaimLength} characters."));
        }

        return (new SignInIdentity(tenantId, oid, name, preferredUsername), null);
    }

    private static IResult ErrorPage(HttpContext context, string message) =>
        StandInHtml.Page(context, StatusCodes.Status400BadRequest, nonce => SignInPage.Error(message, nonce));

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
