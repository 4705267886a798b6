namespace Total.Api.Logging;

/// <summary>
/// Query parameters whose values must never be logged: tokens, codes, secrets and passwords that a misconfigured
/// client (or a probe) may put in a URL. Names are compared ignoring case; any name containing <c>token</c>,
/// <c>secret</c> or <c>password</c> counts too (<c>refresh_token</c>, <c>x-api-secret</c>).
/// </summary>
public static class SecretQueryParameters
{
    public const string Redacted = "[redacted]";

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "code", "key", "apikey", "api_key", "passwd", "pwd", "sig", "signature", "assertion", "client_assertion", "authorization", "auth",
    };

    private static readonly string[] Fragments = ["token", "secret", "password"];

    public static bool IsSecret(string name) =>
        Names.Contains(name) || Fragments.Any(fragment => name.Contains(fragment, StringComparison.OrdinalIgnoreCase));
}
