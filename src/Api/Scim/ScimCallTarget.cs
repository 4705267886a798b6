using Total.Api.Logging;

namespace Total.Api.Scim;

/// <summary>
/// What the provisioning log and the access log say a SCIM call was for: the path under the tenant's base with the
/// query decoded for reading (<c>Users?filter=userName eq "x"</c>), secret-looking parameters redacted, control
/// characters escaped, at most <see cref="MaxLength"/> characters.
/// </summary>
public static class ScimCallTarget
{
    public const int MaxLength = 300;

    public static string Of(HttpRequest request, string tenantId)
    {
        var path = request.Path.Value ?? "";
        var prefix = $"{ScimBaseUrl.RoutePrefix}/{tenantId}/";
        var relative = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
        var target = request.QueryString.HasValue
            ? relative + "?" + string.Join('&', request.QueryString.Value!.TrimStart('?').Split('&').Select(Readable))
            : relative;
        var escaped = LogText.Escape(target);
        return escaped.Length <= MaxLength ? escaped : escaped[..MaxLength] + "…";
    }

    /// <summary>One <c>name=value</c> decoded, its value redacted when the name looks like a secret's.</summary>
    private static string Readable(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = Decode(equals < 0 ? parameter : parameter[..equals]);
        return equals < 0 ? name
            : SecretQueryParameters.IsSecret(name) ? $"{name}={SecretQueryParameters.Redacted}"
            : $"{name}={Decode(parameter[(equals + 1)..])}";
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}
