using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>A tenant the fuzz run aims at: its SCIM base URL, token, and the users and groups it was seeded with.</summary>
public sealed record FuzzTenant(string TenantId, Uri BaseUrl, string Token, IReadOnlyList<string> UserIds, IReadOnlyList<string> GroupIds)
{
    private static readonly string[] UserNames =
    [
        "ada.lovelace@contoso.example",
        "grace.hopper@contoso.example",
        "zoë.ångström@contoso.example",
        "محمد.علي@contoso.example",
        "😀.emoji@contoso.example",
        "e\u0301.combining@contoso.example",
        "alan.turing@contoso.example",
        "edsger.dijkstra@contoso.example",
    ];

    private static readonly string[] GroupNames = ["TOTAL-Admins", "All-Staff", "Vendor-Admins"];

    /// <summary>Onboards a tenant and provisions users and groups with members the way Entra does.</summary>
    public static async Task<FuzzTenant> SeedAsync(TotalServer server, string label)
    {
        using var scim = await EntraScimClient.ForNewTenantAsync(server);
        var users = new List<string>();
        foreach (var userName in UserNames)
        {
            users.Add(await scim.CreateUserIdAsync($"{label}.{userName}"));
        }

        var groups = new List<string>();
        for (var i = 0; i < GroupNames.Length; i++)
        {
            var groupId = await scim.CreateGroupAsync(GroupNames[i]);
            await scim.AddMembersAsync(groupId, users.Skip(i).Take(3 + i));
            groups.Add(groupId);
        }

        return new FuzzTenant(scim.Tenant.TenantId, new Uri(scim.Tenant.ScimBaseUrl + "/"), scim.Tenant.ScimToken, users, groups);
    }

    /// <summary>An absolute URL under the tenant's base URL, <paramref name="relative"/> sent exactly as written (no dot-segment removal).</summary>
    public Uri Url(string relative) => new(BaseUrl + relative, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    /// <summary>A request with this tenant's bearer token.</summary>
    public FuzzRequest Request(string category, string method, string relative, byte[]? body, bool mustBeRefused) =>
        new(category, method, Url(relative), body, mustBeRefused) { Headers = [new("Authorization", "Bearer " + Token)] };
}
