using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;
using Total.Grains.Abstractions.Graph;

namespace Total.Grains.Graph;

/// <summary>
/// Turns what the token request or Graph threw into a <see cref="GraphAccessException"/> an admin can act on.
/// Messages are composed here, never copied from Entra or Graph wholesale, and never contain the secret; they
/// keep the AADSTS or Graph error code so a support engineer can look it up.
/// </summary>
internal static partial class GraphFailures
{
    /// <summary>AADSTS codes that mean "this app registration or its secret is not accepted in this tenant".</summary>
    private static readonly Dictionary<string, string> CredentialProblems = new(StringComparer.Ordinal)
    {
        ["7000215"] = "Entra rejected the client secret. Enter the secret's Value (not its Secret ID), or create a new secret under App registrations → Certificates & secrets.",
        ["7000222"] = "The client secret has expired. Create a new secret under App registrations → Certificates & secrets and save it here.",
        ["700016"] = "Entra does not know this client id in this tenant. Check the Application (client) ID, and that the app registration lives in (or was consented to in) this tenant.",
        ["90002"] = "Entra does not know this tenant id. Check the Directory (tenant) ID.",
        ["700024"] = "Entra rejected the client assertion.",
        ["7000216"] = "Entra got no client secret.",
    };

    /// <summary>Null when <paramref name="error"/> is not about reaching Graph (a bug, or the caller cancelling).</summary>
    public static GraphAccessException? Describe(Exception error, GraphCredentials app, CancellationToken cancellationToken)
    {
        var where = $"Entra tenant {app.EntraTenantId:D}, app {app.ClientId}";
        return error switch
        {
            GraphAccessException known => known,
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            AuthenticationFailedException token => FromTokenRequest(token, where),
            ApiException graph => FromGraph(graph, where, retriesExhausted: false),

            // Kiota's retry handler gives up with an AggregateException of the answers it got.
            AggregateException { InnerExceptions: [.., ApiException last] } => FromGraph(last, where, retriesExhausted: true),
            TimeoutException timeout => new GraphAccessException(GraphFailure.Unavailable, $"{timeout.Message} ({where}). Try again later.", timeout),
            OperationCanceledException timeout => new GraphAccessException(GraphFailure.Unavailable, $"Microsoft Graph did not answer in time ({where}). Try again later.", timeout),
            HttpRequestException network => new GraphAccessException(
                GraphFailure.Unavailable,
                $"Microsoft Graph or Entra could not be reached ({where}): {network.HttpRequestError}. Try again later; if it persists, check this server's outbound HTTPS access.",
                network),
            _ => null,
        };
    }

    /// <summary>Graph's error code (<c>error.code</c>), when the answer carried one.</summary>
    public static string? ErrorCode(ApiException error) => (error as ODataError)?.Error?.Code;

    private static GraphAccessException FromTokenRequest(AuthenticationFailedException error, string where)
    {
        var service = error.InnerException as MsalServiceException;
        var code = AadstsCode().Match(service?.Message ?? error.Message) is { Success: true } match ? match.Groups[1].Value : null;
        var transient = service is null
            ? error.InnerException is HttpRequestException or TimeoutException or OperationCanceledException
            : service.StatusCode is 0 or >= 500 or 429;
        if (transient)
        {
            return new GraphAccessException(GraphFailure.Unavailable, $"Entra's token endpoint could not be reached or failed ({where}{Code(code)}). Try again later.", error);
        }

        var advice = code is not null && CredentialProblems.TryGetValue(code, out var known)
            ? known
            : "Check the tenant id, client id and client secret of the app registration.";
        return new GraphAccessException(GraphFailure.InvalidCredentials, $"Entra refused to issue a Microsoft Graph token ({where}{Code(code)}). {advice}", error);
    }

    private static GraphAccessException FromGraph(ApiException error, string where, bool retriesExhausted)
    {
        var status = error.ResponseStatusCode;
        var code = ErrorCode(error);
        var detail = $"{where}, HTTP {status}{(code is null ? string.Empty : " " + code)}";
        return status switch
        {
            (int)HttpStatusCode.Unauthorized => new GraphAccessException(
                GraphFailure.InvalidCredentials,
                $"Microsoft Graph refused the app's access token ({detail}). Check that the app registration belongs to this tenant.",
                error),
            (int)HttpStatusCode.Forbidden => new GraphAccessException(
                GraphFailure.PermissionMissing,
                $"The app may not read group members ({detail}). In Entra ID, open App registrations → API permissions, add the Microsoft Graph application permission GroupMember.Read.All and grant admin consent.",
                error),
            (int)HttpStatusCode.TooManyRequests => new GraphAccessException(
                GraphFailure.Throttled,
                $"Microsoft Graph is throttling this app in this tenant ({detail}){RetryAfterText(error, retriesExhausted)}. The next read will try again.",
                error),
            _ => new GraphAccessException(
                GraphFailure.Unavailable,
                $"Microsoft Graph could not answer ({detail}){(retriesExhausted ? " after every retry" : string.Empty)}. Try again later.",
                error),
        };
    }

    private static string RetryAfterText(ApiException error, bool retriesExhausted)
    {
        if (retriesExhausted)
        {
            return " after every retry";
        }

        var retryAfter = error.ResponseHeaders
            .FirstOrDefault(header => string.Equals(header.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? $" and asks to wait {seconds} s, longer than Graph:MaxRetryAfter allows"
            : string.Empty;
    }

    private static string Code(string? aadsts) => aadsts is null ? string.Empty : $", AADSTS{aadsts}";

    [GeneratedRegex(@"AADSTS(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();
}
