using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>
/// Headers every response carries: no framing, no MIME sniffing, no referrer leaks, and a strict CSP
/// (the console needs no script or style from anywhere but itself). Forms may lead only to this site and to
/// the Entra instances sign-in uses (<c>SignIn:Instance</c>, and TOTAL's shared app's when it has its own):
/// browsers apply <c>form-action</c> to the redirects after a form, and the generic sign-in form ends at
/// Microsoft's sign-in page.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SignInOptions> signIn, VendorApp vendorApp)
{
    private readonly string _contentSecurityPolicy =
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self' {FormTargets(signIn.Value.Instance, vendorApp)}";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string FormTargets(Uri signInInstance, VendorApp vendorApp)
    {
        var signInOrigin = signInInstance.GetLeftPart(UriPartial.Authority);
        var vendorOrigin = vendorApp.Instance.GetLeftPart(UriPartial.Authority);
        return !vendorApp.IsConfigured || vendorOrigin == signInOrigin ? signInOrigin : $"{signInOrigin} {vendorOrigin}";
    }
}
