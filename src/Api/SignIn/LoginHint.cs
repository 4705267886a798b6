using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Total.Api.SignIn;

/// <summary>
/// The work email typed on the generic sign-in page, passed to Entra as <c>login_hint</c> so the person does not
/// type it twice. Only a plausible email is carried; it decides nothing (the token does).
/// </summary>
public static class LoginHint
{
    private const string Item = "total.login_hint";
    public const int MaxLength = 254;

    public static AuthenticationProperties Carry(AuthenticationProperties properties, string? hint)
    {
        if (IsPlausibleEmail(hint))
        {
            properties.Items[Item] = hint;
        }

        return properties;
    }

    public static Task ApplyAsync(RedirectContext context)
    {
        if (context.Properties.Items.TryGetValue(Item, out var hint) && hint is not null)
        {
            context.ProtocolMessage.LoginHint = hint;
        }

        return Task.CompletedTask;
    }

    /// <summary>One <c>@</c>, something before it, a dotted domain after it, no spaces or control characters.</summary>
    public static bool IsPlausibleEmail(string? value) =>
        value is { Length: > 3 and <= MaxLength }
        && value.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        && at == value.LastIndexOf('@')
        && DomainOf(value) is not null
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>The lower-cased domain of a plausible email, or null.</summary>
    public static string? DomainOf(string email)
    {
        var domain = email[(email.LastIndexOf('@') + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        return domain.Length is > 2 and <= 253
            && domain.Contains('.', StringComparison.Ordinal)
            && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            && !domain.Split('.').Any(label => label.Length == 0 || label.Length > 63)
            ? domain
            : null;
    }
}
