using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>
/// A freshly onboarded tenant's SCIM endpoint, called the way Entra calls it: raw JSON bodies sent as
/// <c>application/scim+json</c> with the tenant's bearer token. Every answer is checked to be below 500, but for the
/// deliberate 501 to <c>POST /Bulk</c>.
/// </summary>
public sealed class EntraScimClient : IDisposable
{
    public const string ScimMediaType = "application/scim+json";

    private readonly HttpClient _http;

    private EntraScimClient(CreatedTenant tenant)
    {
        Tenant = tenant;
        _http = tenant.ScimClient();
    }

    public CreatedTenant Tenant { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Onboards a new tenant on <paramref name="server"/> and returns a client for its SCIM base URL.</summary>
    public static async Task<EntraScimClient> ForNewTenantAsync(TotalServer server)
    {
        using var operatorClient = server.CreateOperatorClient();
        return new EntraScimClient(await operatorClient.CreateTenantAsync("Contoso " + Guid.NewGuid().ToString("N")[..8]));
    }

    /// <summary>A client for a tenant onboarded earlier (e.g. before a restart), at <paramref name="server"/>'s address.</summary>
    public static EntraScimClient ForExistingTenant(TotalServer server, CreatedTenant tenant) =>
        new(tenant with { ScimBaseUrl = new Uri(server.BaseAddress, $"/scim/v2/{tenant.TenantId}") });

    public Task<ScimResponse> GetAsync(string relativeUrl) => SendAsync(HttpMethod.Get, relativeUrl);

    public Task<ScimResponse> PostAsync(string relativeUrl, string json, string mediaType = ScimMediaType) => SendAsync(HttpMethod.Post, relativeUrl, json, mediaType: mediaType);

    public Task<ScimResponse> PutAsync(string relativeUrl, string json, string? ifMatch = null) => SendAsync(HttpMethod.Put, relativeUrl, json, ifMatch);

    public Task<ScimResponse> PatchAsync(string relativeUrl, string json, string? ifMatch = null) => SendAsync(HttpMethod.Patch, relativeUrl, json, ifMatch);

    public Task<ScimResponse> DeleteAsync(string relativeUrl) => SendAsync(HttpMethod.Delete, relativeUrl);

    public async Task<ScimResponse> SendAsync(HttpMethod method, string relativeUrl, string? json = null, string? ifMatch = null, string mediaType = ScimMediaType)
    {
        using var request = new HttpRequestMessage(method, relativeUrl);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await SendAsync(request);
    }

    /// <summary>Sends <paramref name="body"/> byte for byte (for bodies that are not valid UTF-8, or start with a byte order mark).</summary>
    public async Task<ScimResponse> SendBytesAsync(HttpMethod method, string relativeUrl, byte[] body)
    {
        using var request = new HttpRequestMessage(method, relativeUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ScimMediaType);
        return await SendAsync(request);
    }

    private async Task<ScimResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.NotImplemented, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
        return new ScimResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
    }

    /// <summary>Creates a user with the A.4.3 body for <paramref name="userName"/>; returns the 201 resource.</summary>
    public async Task<JsonObject> CreateUserAsync(string userName, string? externalId = null, string? email = null)
    {
        var response = await PostAsync("Users", EntraBodies.User(userName, externalId ?? Guid.NewGuid().ToString(), email));
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return response.Json;
    }

    /// <summary>Creates a user and returns its id.</summary>
    public async Task<string> CreateUserIdAsync(string userName) => (string)(await CreateUserAsync(userName))["id"]!;

    /// <summary>Creates a group with the A.4.8 body (no members); returns its id.</summary>
    public async Task<string> CreateGroupAsync(string displayName)
    {
        var response = await PostAsync("Groups", EntraBodies.Group(displayName, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return (string)response.Json["id"]!;
    }

    /// <summary>Adds members with Entra's A.4.11 PATCH and expects 204.</summary>
    public async Task AddMembersAsync(string groupId, params IEnumerable<string> memberIds)
    {
        var response = await PatchAsync($"Groups/{groupId}", EntraBodies.AddMembers(memberIds));
        Assert.Equal(HttpStatusCode.NoContent, response.Status);
    }

    /// <summary>The member ids of a group, read with a plain GET (members are returned unless excluded).</summary>
    public async Task<IReadOnlyList<string>> MemberIdsAsync(string groupId)
    {
        var response = await GetAsync($"Groups/{groupId}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json["members"]?.AsArray().Select(m => (string)m!["value"]!).Order(StringComparer.Ordinal).ToList() ?? [];
    }

    /// <summary>A resource read by id, expecting 200.</summary>
    public async Task<JsonObject> GetResourceAsync(string relativeUrl)
    {
        var response = await GetAsync(relativeUrl);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json;
    }

    /// <summary><c>GET /Users?filter=...</c> (the filter URL-encoded here), expecting 200.</summary>
    public async Task<ScimResponse> FilterAsync(string endpoint, string filter, string? extraQuery = null)
    {
        var response = await GetAsync($"{endpoint}?filter={Uri.EscapeDataString(filter)}{(extraQuery is null ? "" : "&" + extraQuery)}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response;
    }

    public void Dispose() => _http.Dispose();
}
