using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Total.DevStandIns.Entra;

/// <summary>
/// How a confidential client authenticated to the token endpoint: form fields (client_secret_post,
/// private_key_jwt) or HTTP Basic (client_secret_basic).
/// </summary>
internal sealed record ClientCredential(string ClientId, string? Secret, bool HasAssertion)
{
    public bool HasCredential => Secret is not null || HasAssertion;

    // Never print the secret (records print every property by default).
    public override string ToString() => $"ClientCredential {{ ClientId = {ClientId}, HasCredential = {HasCredential} }}";

    /// <summary>The client, or null when no client id was sent at all.</summary>
    public static ClientCredential? Read(HttpRequest request, IFormCollection form)
    {
        var clientId = Text(form["client_id"]);
        var secret = Text(form["client_secret"]);
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is not null)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
                clientId ??= Uri.UnescapeDataString(pair[0]);
                if (pair.Length == 2 && pair[1].Length > 0)
                {
                    secret ??= Uri.UnescapeDataString(pair[1]);
                }
            }
            catch (FormatException)
            {
                // A malformed Basic header is no credential; the form may still carry one.
            }
        }

        return clientId is null ? null : new ClientCredential(clientId, secret, Text(form["client_assertion"]) is not null);
    }

    private static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
