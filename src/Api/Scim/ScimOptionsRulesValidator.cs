using Microsoft.Extensions.Options;

namespace Total.Api.Scim;

/// <summary>What annotations cannot say about <see cref="ScimOptions"/>: the public base is a URL a customer can paste into Entra.</summary>
public sealed class ScimOptionsRulesValidator : IValidateOptions<ScimOptions>
{
    public ValidateOptionsResult Validate(string? name, ScimOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) || IsSiteRoot(options.PublicBaseUrl)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ScimOptions.Section}:{nameof(options.PublicBaseUrl)} must be an absolute http or https URL without query or fragment, e.g. https://total.example.com (or unset: the request's own scheme and host).");

    // The Tenant URL is this plus /scim/v2/{tenantId}: a query or fragment would end up in the middle of it.
    private static bool IsSiteRoot(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0;
}
