namespace Total.Api.SignIn;

/// <summary>Registers <see cref="SecurityHeadersMiddleware"/>.</summary>
public static class SecurityHeadersHosting
{
    /// <summary>
    /// The security headers on every response. Goes before static files: their middleware answers without calling
    /// what follows it, and a stylesheet or image needs <c>nosniff</c> and the CSP as much as a page.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
