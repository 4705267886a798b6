using Microsoft.Extensions.Primitives;

namespace Total.DevStandIns.Entra;

/// <summary>
/// The OAuth 2.0 / OIDC parameters of an authorize call (query on GET, form on POST), validated the same way
/// both times because the POST's hidden fields come back from the browser and are not trusted.
/// </summary>
internal sealed record AuthorizationRequest(
    string ClientId,
    Uri RedirectUri,
    string ResponseMode,
    string Scope,
    string? State,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod)
{
    public const string Query = "query";
    public const string Fragment = "fragment";
    public const string FormPost = "form_post";

    /// <summary>The parameters carried from the page to its POST, in order.</summary>
    public static readonly string[] ParameterNames =
        ["client_id", "response_type", "redirect_uri", "scope", "state", "nonce", "response_mode", "code_challenge", "code_challenge_method"];

    public bool WantsIdToken => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid", StringComparer.Ordinal);

    /// <summary>The parameters as the page repeats them in hidden fields.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        yield return new("client_id", ClientId);
        yield return new("response_type", "code");
        yield return new("redirect_uri", RedirectUri.OriginalString);
        yield return new("scope", Scope);
        yield return new("response_mode", ResponseMode);
        foreach (var (name, value) in new[] { ("state", State), ("nonce", Nonce), ("code_challenge", CodeChallenge), ("code_challenge_method", CodeChallengeMethod) })
        {
            if (value is not null)
            {
                yield return new(name, value);
            }
        }
    }

    /// <summary>Parses and validates; the error is an Entra-style message for the error page.</summary>
    public static (AuthorizationRequest? Request, string? Error) Read(Func<string, StringValues> parameter)
    {
        var redirect = Text(parameter("redirect_uri"));
        if (redirect is null)
        {
            return (null, "AADSTS900144: The request body must contain the following parameter: 'redirect_uri'.");
        }

        if (!IsLoopbackRedirect(redirect, out var redirectUri))
        {
            // Never redirect anywhere but this machine: the stand-in signs anyone in, so its codes must not leave it.
            return (null, $"AADSTS50011: The redirect URI '{redirect}' is not allowed by the local Entra stand-in: it must be an absolute http(s) URL on localhost or 127.0.0.1.");
        }

        var clientId = Text(parameter("client_id"));
        if (clientId is null)
        {
            return (null, "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }

        var responseType = Text(parameter("response_type"));
        if (responseType != "code")
        {
            return (null, $"AADSTS700054: response_type '{responseType}' is not supported by the local Entra stand-in; use the authorization code flow (response_type=code).");
        }

        var responseMode = Text(parameter("response_mode")) ?? Query;
        if (responseMode is not (Query or Fragment or FormPost))
        {
            return (null, $"AADSTS900144: response_mode '{responseMode}' is not supported; use query, fragment or form_post.");
        }

        var challenge = Text(parameter("code_challenge"));
        var method = Text(parameter("code_challenge_method"));
        if (method is not null and not ("S256" or "plain"))
        {
            return (null, $"AADSTS9002313: Invalid request: code_challenge_method '{method}' is not supported; use S256.");
        }

        if (method is not null && challenge is null)
        {
            return (null, "AADSTS900144: code_challenge_method was sent without code_challenge.");
        }

        var scope = Text(parameter("scope")) ?? "openid";
        return (new AuthorizationRequest(clientId, redirectUri!, responseMode, scope, Text(parameter("state")), Text(parameter("nonce")), challenge, challenge is null ? null : method ?? "plain"), null);
    }

    /// <summary>An absolute http(s) URL on localhost or 127.0.0.1, without credentials in it.</summary>
    public static bool IsLoopbackRedirect(string value, out Uri? uri) =>
        Uri.TryCreate(value, UriKind.Absolute, out uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) || uri.Host == "127.0.0.1")
        && string.IsNullOrEmpty(uri.UserInfo);

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
