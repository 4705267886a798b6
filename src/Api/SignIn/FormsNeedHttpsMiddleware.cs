using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>
/// Outside Development the anti-forgery cookie is Secure (<see cref="ConsoleAntiforgery"/>), and ASP.NET Core refuses
/// to issue or check it on a plain-HTTP request by throwing. Such a request (a form page opened over
/// <c>kubectl port-forward</c>, or an ingress that does not send <c>X-Forwarded-Proto</c>) gets a 400 page that says
/// what to do instead of an empty 500.
/// </summary>
public sealed class FormsNeedHttpsMiddleware(RequestDelegate next, IOptions<AntiforgeryOptions> antiforgery)
{
    private const string AntiforgeryAssembly = "Microsoft.AspNetCore.Antiforgery";

    private static readonly string Page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>This page needs HTTPS</title></head><body>" +
        "<h1>This page needs HTTPS</h1>" +
        "<p>Its form is protected by a Secure cookie, which is never sent over plain HTTP. Open it through TOTAL's HTTPS " +
        "address (the ingress). Behind a proxy that ends TLS, make it send <code>X-Forwarded-Proto</code> and set " +
        "<code>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</code>. Over <code>kubectl port-forward</code>, use the operator API " +
        "with the <code>Authorization</code> header instead of the browser.</p></body></html>";

    private readonly bool _secureCookie = antiforgery.Value.Cookie.SecurePolicy == CookieSecurePolicy.Always;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_secureCookie || context.Request.IsHttps)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (InvalidOperationException refused) when (refused.Source == AntiforgeryAssembly && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page, context.RequestAborted);
        }
    }
}
