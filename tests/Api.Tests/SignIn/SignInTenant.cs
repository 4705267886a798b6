using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;
using Total.DevStandIns.Graph;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// A tenant onboarded with an app registration (unless told otherwise) and an admin group, ready for console sign-in tests. Like Entra, the
/// Graph stand-in holds the admin group too, with every admin provisioned through here: reconciliation (a
/// reminder may fire during any test) sees the same Entra, and only a test that changes Graph itself sees a
/// Graph-only removal.
/// </summary>
public sealed class SignInTenant(string tenantId, string name, Uri scimBase, string token)
{
    public const string AdminGroupObjectId = "7a0c4f4e-1111-4a1a-9c9c-000000000001";

    private GraphStandInTenant? _graph;

    /// <summary>This tenant in the Graph stand-in (Entra as Graph shows it), for tests that change Entra behind SCIM's back.</summary>
    public GraphStandInTenant Graph => _graph ?? throw new InvalidOperationException("The server runs no Graph stand-in.");

    public string TenantId { get; } = tenantId;

    public string Name { get; } = name;

    public string AdminGroupId { get; private set; } = "";

    public Guid EntraTenantId { get; private set; }

    public Uri ScimBase { get; } = scimBase;

    public string ScimToken { get; } = token;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The client id of the tenant's own app registration; null when it was onboarded without one.</summary>
    public string? ClientId { get; private set; }

    /// <param name="ownApp">False onboards the tenant without an app registration of its own (SCIM only, or TOTAL's shared app).</param>
    public static async Task<SignInTenant> OnboardAsync(TotalServer server, bool ownApp = true)
    {
        using var operatorClient = server.CreateOperatorClient();
        var entraTenantId = Guid.NewGuid();
        var name = "Contoso " + entraTenantId.ToString("N")[..6];
        var clientId = ownApp ? Guid.NewGuid().ToString() : null;
        var response = await operatorClient.PostAsJsonAsync("/operator/tenants", new
        {
            name,
            entraTenantId = entraTenantId.ToString(),
            adminGroups = new[] { "TOTAL-Admins" },
            monitoredGroups = Array.Empty<string>(),
            entraClientId = clientId,
            entraClientSecret = ownApp ? "stand-in-accepts-any-secret" : null,
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        var tenant = new SignInTenant((string)body["tenantId"]!, name, new Uri((string)body["scimBaseUrl"]! + "/"), (string)body["scimToken"]!);
        var group = await tenant.ScimAsync(HttpMethod.Post, "Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"TOTAL-Admins","externalId":"{{AdminGroupObjectId}}","members":[]}""");
        tenant.AdminGroupId = (string)group!["id"]!;
        tenant.EntraTenantId = entraTenantId;
        tenant.ClientId = clientId;
        tenant._graph = server.Services.GetService<GraphStandInDirectory>()?.Tenant(entraTenantId);
        tenant._graph?.PutGroup(AdminGroupObjectId, "TOTAL-Admins", []);
        return tenant;
    }

    public async Task<SignInPerson> ProvisionUserAsync()
    {
        var oid = Guid.NewGuid().ToString();
        var userName = $"{oid[..8]}@contoso.example";
        var user = await ScimAsync(HttpMethod.Post, "Users", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","externalId":"{{oid}}","active":true}""");
        return new SignInPerson((string)user!["id"]!, oid, userName);
    }

    public async Task<SignInPerson> ProvisionAdminAsync()
    {
        var person = await ProvisionUserAsync();
        _graph?.ChangeMembers(AdminGroupObjectId, add: [person.Oid], remove: []);
        await ScimAsync(HttpMethod.Patch, $"Groups/{AdminGroupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"value":"{{person.UserId}}"}]}]}""");
        return person;
    }

    public async Task<JsonObject?> ScimAsync(HttpMethod method, string path, string json)
    {
        var response = await SendScimAsync(method, path, json, ScimToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
    }

    public async Task<HttpResponseMessage> SendScimAsync(HttpMethod method, string path, string? json, string bearer)
    {
        using var client = new HttpClient { BaseAddress = ScimBase };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/scim+json");
        }

        return await client.SendAsync(request, Cancel);
    }
}

public sealed record SignInPerson(string UserId, string Oid, string UserName);
