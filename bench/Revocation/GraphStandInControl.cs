using System.Net.Security;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Total.Revocation;

/// <summary>
/// The Graph stand-in's Development control API (src/DevStandIns/Graph/GraphStandInControlEndpoints.cs) on the
/// stand-in's HTTPS port: seeds an Entra tenant's groups, changes their members, reads the request counters.
/// </summary>
internal sealed class GraphStandInControl(LoadClient client, Uri standIn)
{
    /// <summary>The stand-in's certificate is self-signed and made at the server's start: trusted for 127.0.0.1/localhost only.</summary>
    public static SslClientAuthenticationOptions TrustLocalStandIn() => new()
    {
        RemoteCertificateValidationCallback = (sender, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (sender is SslStream { TargetHostName: "127.0.0.1" or "localhost" }
                && certificate?.Subject.Contains("TOTAL local Entra stand-in", StringComparison.Ordinal) == true),
    };

    /// <summary>Creates (or replaces) a group in the tenant's Graph with these member object ids.</summary>
    public async Task<bool> PutGroupAsync(string phase, Guid entraTenantId, string groupId, string displayName, IEnumerable<string> members) =>
        await SendAsync(phase, "graph-standin.put-group", HttpMethod.Put, $"/graph-standin/{entraTenantId}/groups/{groupId}",
            new JsonObject { ["displayName"] = displayName, ["members"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray()) }) is { Status: 204 };

    /// <summary>Removes members from a group in Graph only (provisioning is not told).</summary>
    public async Task<bool> RemoveMembersAsync(string phase, Guid entraTenantId, string groupId, IEnumerable<string> members) =>
        await SendAsync(phase, "graph-standin.remove-members", HttpMethod.Patch, $"/graph-standin/{entraTenantId}/groups/{groupId}/members",
            new JsonObject { ["remove"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray()) }) is { Status: 204 };

    /// <summary>What the tenant's Graph was asked so far: requests, delta requests, tokens issued, 429s, …</summary>
    public async Task<Dictionary<string, int>?> CountersAsync(string phase, Guid entraTenantId) =>
        await SendAsync(phase, "graph-standin.counters", HttpMethod.Get, $"/graph-standin/{entraTenantId}/counters", null, 200) is { Status: 200, Body: { } body }
            ? JsonSerializer.Deserialize<Dictionary<string, int>>(body)
            : null;

    private Task<Reply?> SendAsync(string phase, string kind, HttpMethod method, string path, JsonObject? body, int expected = 204) =>
        client.SendAsync(phase, kind, method, new Uri(standIn, path), null, body?.ToJsonString(), true, long.MaxValue, null, s => s == expected);
}
