using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Total.Api.Tests.SignIn;

namespace Total.Api.Tests.Graph;

/// <summary>Talks to the Graph stand-in and its token endpoint over HTTPS the way any Graph client would, without the SDK.</summary>
internal sealed class GraphStandInClient(StandInServerFixture fixture) : IDisposable
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly HttpClient _http = fixture.CreateBackchannelClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> RequestTokenAsync(string tenant, Dictionary<string, string> form) =>
        _http.PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(form), Cancel);

    public static Dictionary<string, string> ClientCredentials(string clientId, string secret = "any-secret", string scope = GraphScope) => new()
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = scope,
    };

    /// <summary>An app-only Graph access token for a fresh client of the tenant.</summary>
    public async Task<string> TokenAsync(Guid tenant, string? clientId = null, string secret = "any-secret")
    {
        var response = await RequestTokenAsync(tenant.ToString(), ClientCredentials(clientId ?? Guid.NewGuid().ToString(), secret));
        response.EnsureSuccessStatusCode();
        return (string)(await JsonAsync(response))["access_token"]!;
    }

    /// <summary>A GET on Graph: <paramref name="pathAndQuery"/> relative to the v1.0 root, or an absolute next/delta link.</summary>
    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery.StartsWith("https://", StringComparison.Ordinal) ? pathAndQuery : "graph/v1.0/" + pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _http.SendAsync(request, Cancel);
    }

    public Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body = null) =>
        _http.SendAsync(new HttpRequestMessage(method, "graph-standin/" + path) { Content = body is null ? null : JsonContent.Create(body) }, Cancel);

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

    /// <summary>Graph's <c>error.code</c> of an error answer.</summary>
    public static async Task<string?> ErrorCodeAsync(HttpResponseMessage response) => (string?)(await JsonAsync(response))["error"]!["code"];

    public void Dispose() => _http.Dispose();
}
