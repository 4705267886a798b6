using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Total.Api.Tests.Infrastructure;

/// <summary>Operator API calls the tests repeat.</summary>
public static class OperatorCalls
{
    /// <summary>Onboards a tenant with a fresh Entra tenant id; returns the 201 body.</summary>
    public static async Task<CreatedTenant> CreateTenantAsync(this HttpClient operatorClient, string name = "Contoso", Guid? entraTenantId = null)
    {
        var response = await operatorClient.PostAsJsonAsync("/operator/tenants", new
        {
            name,
            entraTenantId = (entraTenantId ?? Guid.NewGuid()).ToString(),
            adminGroups = new[] { "TOTAL-Admins" },
            monitoredGroups = new[] { "All-Staff" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new CreatedTenant((string)body["tenantId"]!, new Uri((string)body["scimBaseUrl"]!), (string)body["scimToken"]!, body);
    }

    /// <summary>The access decision for an Entra object id (<c>GET …/access?oid=</c>), which must answer 200.</summary>
    public static async Task<JsonObject> AccessAsync(this HttpClient operatorClient, string tenantId, string oid)
    {
        var response = await operatorClient.GetAsync($"/operator/tenants/{tenantId}/access?oid={oid}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Runs the tenant's reconciliation now (<c>POST …/reconciliation</c>); returns its status.</summary>
    public static async Task<JsonObject> ReconcileAsync(this HttpClient operatorClient, string tenantId)
    {
        var response = await operatorClient.PostAsync($"/operator/tenants/{tenantId}/reconciliation", null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }
}

public sealed record CreatedTenant(string TenantId, Uri ScimBaseUrl, string ScimToken, JsonObject Body)
{
    /// <summary>A client whose base address is the tenant's SCIM base URL (with a trailing slash) and that sends <paramref name="token"/>.</summary>
    public HttpClient ScimClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(ScimBaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token ?? ScimToken);
        return client;
    }
}
