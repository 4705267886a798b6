using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Total.Api.Operator;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;Operator:ApiKey&gt;</c> as the operator, or, for the dashboard in a
/// browser, the cookie <see cref="OperatorBrowserSession"/> issues once the key was entered (reads only).
/// </summary>
public sealed class OperatorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorKey operatorKey)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "OperatorKey";
    public const string PolicyName = "Operator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(OperatorBrowserSession.Authenticates(Context) ? Success() : AuthenticateResult.NoResult());
        }

        return Task.FromResult(operatorKey.Matches(header["Bearer ".Length..].Trim()) ? Success() : AuthenticateResult.Fail("The operator key is not valid."));
    }

    private static AuthenticateResult Success()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator"), new Claim(ClaimTypes.Role, "operator")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A person opening the dashboard gets the sign-in form; API callers get 401 as before.
        if (Request.Path.StartsWithSegments(OperatorDashboard.Path) && Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            Response.Redirect("/operator/signin");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"total-operator\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "Send the operator key as 'Authorization: Bearer <Operator:ApiKey>'.").ExecuteAsync(Context);
    }
}
