using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Total.Revocation;

/// <summary>An onboarded tenant: TOTAL's id, the customer's Entra tenant id, and its SCIM Tenant URL and Secret Token.</summary>
internal sealed record TenantHandle(int Index, string TenantId, Guid EntraTenantId, string ScimBase, AuthenticationHeaderValue ScimAuth);

/// <summary>One entry of the access log (<c>GET /operator/tenants/{id}/access-log</c>).</summary>
internal sealed record AccessEvent(long Sequence, DateTimeOffset At, string Kind, string Source, string UserId, string? ExternalId);

/// <summary>The operator API calls the scenarios need, each recorded like any other request.</summary>
internal sealed class OperatorClient(LoadClient client, RevocationOptions options)
{
    private const int AccessLogPage = 500;
    private readonly AuthenticationHeaderValue _auth = new("Bearer", options.OperatorKey);

    /// <summary><c>POST /operator/tenants</c> with the admin groups and, when given, an app registration.</summary>
    public async Task<TenantHandle?> OnboardAsync(string phase, int index, string name, IReadOnlyList<string> adminGroups, string? clientId, string? clientSecret)
    {
        var entraTenantId = Guid.NewGuid();
        var body = new JsonObject
        {
            ["name"] = name,
            ["entraTenantId"] = entraTenantId.ToString(),
            ["adminGroups"] = new JsonArray(adminGroups.Select(g => (JsonNode)g).ToArray()),
            ["monitoredGroups"] = new JsonArray(),
        };
        if (clientId is not null)
        {
            body["entraClientId"] = clientId;
            body["entraClientSecret"] = clientSecret;
        }

        var reply = await SendAsync(phase, "operator.tenants.create", HttpMethod.Post, "/operator/tenants", body.ToJsonString(), s => s == 201);
        if (reply is not { Status: 201, Body: { } json })
        {
            return null;
        }

        var created = JsonNode.Parse(json)!;
        var scimBase = ((string)created["scimBaseUrl"]!).TrimEnd('/');
        Loopback.Require(new Uri(scimBase));
        return new TenantHandle(index, (string)created["tenantId"]!, entraTenantId, scimBase, new AuthenticationHeaderValue("Bearer", (string)created["scimToken"]!));
    }

    /// <summary>Every event of the access log that matches, newest first, paged with <c>before=</c> at the largest page size.</summary>
    public async Task<List<AccessEvent>?> AccessLogAsync(string phase, string tenantId, string kind, string? source = null)
    {
        var events = new List<AccessEvent>();
        long? before = null;
        while (true)
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"/operator/tenants/{tenantId}/access-log?kind={kind}&take={AccessLogPage}")
                + (source is null ? "" : "&source=" + source)
                + (before is { } b ? string.Create(CultureInfo.InvariantCulture, $"&before={b}") : "");
            if (await SendAsync(phase, "operator.access-log", HttpMethod.Get, query) is not { Status: 200, Body: { } json })
            {
                return null;
            }

            using var page = JsonDocument.Parse(json);
            var items = page.RootElement.GetProperty("events");
            foreach (var e in items.EnumerateArray())
            {
                events.Add(new AccessEvent(
                    e.GetProperty("sequence").GetInt64(),
                    e.GetProperty("at").GetDateTimeOffset(),
                    e.GetProperty("kind").GetString()!,
                    e.GetProperty("source").GetString()!,
                    e.GetProperty("userId").GetString()!,
                    e.TryGetProperty("externalId", out var x) ? x.GetString() : null));
            }

            if (items.GetArrayLength() < AccessLogPage || page.RootElement.GetProperty("next").ValueKind != JsonValueKind.Number)
            {
                return events;
            }

            before = page.RootElement.GetProperty("next").GetInt64();
        }
    }

    /// <summary><c>GET</c> (or with <paramref name="runNow"/> <c>POST</c>) <c>/operator/tenants/{id}/reconciliation</c>.</summary>
    public async Task<JsonNode?> ReconciliationAsync(string phase, string tenantId, bool runNow)
    {
        var reply = await SendAsync(phase, runNow ? "operator.reconcile-now" : "operator.reconciliation", runNow ? HttpMethod.Post : HttpMethod.Get, $"/operator/tenants/{tenantId}/reconciliation");
        return reply is { Status: 200, Body: { } json } ? JsonNode.Parse(json) : null;
    }

    /// <summary><c>GET /operator/diagnostics</c>, with <c>?collect=true</c> a full compacting collection first.</summary>
    public async Task<JsonNode?> DiagnosticsAsync(string phase, bool collect)
    {
        var reply = await SendAsync(phase, "operator.diagnostics", HttpMethod.Get, collect ? "/operator/diagnostics?collect=true" : "/operator/diagnostics");
        return reply is { Status: 200, Body: { } json } ? JsonNode.Parse(json) : null;
    }

    private Task<Reply?> SendAsync(string phase, string kind, HttpMethod method, string pathAndQuery, string? json = null, Func<int, bool>? expected = null) =>
        client.SendAsync(phase, kind, method, new Uri(options.Url, pathAndQuery), _auth, json, true, long.MaxValue, null, expected ?? (s => s == 200));
}
