namespace Total.Api.SignIn;

/// <summary>Registers <see cref="SecurityHeadersMiddleware"/> and <see cref="FormsNeedHttpsMiddleware"/>.</summary>
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

    /// <summary>A form page over plain HTTP outside Development: a 400 page that says why (<see cref="FormsNeedHttpsMiddleware"/>).</summary>
    public static WebApplication UseFormsNeedHttps(this WebApplication app)
    {
        app.UseMiddleware<FormsNeedHttpsMiddleware>();
        return app;
    }
}
