using System.Net;
using System.Text.Json.Nodes;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>
/// Every user and every group of a tenant (members included, meta with its version included), read over SCIM and
/// written as canonical text: equal snapshots mean nothing stored changed.
/// </summary>
public static class DirectorySnapshot
{
    private const int PageSize = 100;

    public static async Task<string> TakeAsync(FuzzTenant tenant)
    {
        using var scim = new HttpClient { BaseAddress = tenant.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        scim.DefaultRequestHeaders.Authorization = new("Bearer", tenant.Token);
        var resources = new List<JsonObject>();
        foreach (var endpoint in new[] { "Users", "Groups" })
        {
            for (var startIndex = 1; ; startIndex += PageSize)
            {
                using var response = await scim.GetAsync($"{endpoint}?startIndex={startIndex}&count={PageSize}", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
                var items = page["Resources"]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];
                resources.AddRange(items);
                if (items.Count < PageSize)
                {
                    break;
                }
            }
        }

        return new JsonArray(resources
            .OrderBy(r => (string)r["id"]!, StringComparer.Ordinal)
            .Select(r => (JsonNode)Canonical(r))
            .ToArray()).ToJsonString();
    }

    /// <summary>Members in id order, so the comparison does not depend on the order they are listed in.</summary>
    private static JsonObject Canonical(JsonObject resource)
    {
        var copy = resource.DeepClone().AsObject();
        if (copy["members"] is JsonArray members)
        {
            copy["members"] = new JsonArray(members.OrderBy(m => (string?)m!["value"], StringComparer.Ordinal).Select(m => m!.DeepClone()).ToArray());
        }

        return copy;
    }
}
