using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Total.DevStandIns.Entra;
using Total.DevStandIns.Graph;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Abstractions.Tenants;
using Total.Hosting.Silos;

namespace Total.DevStandIns.Demo;

/// <summary>
/// Seeds tenant <c>demo</c> so a newcomer can sign in without an Entra tenant: an app registration the local
/// stand-in accepts, an admin group, and three people provisioned through the same SCIM grains Entra reaches
/// (an admin, a staff member who is not an admin, and a disabled admin). While the stand-in runs, its Graph
/// gets the same groups and members (by Entra object id = SCIM externalId) and the app registration with
/// consent, so Graph reads work too. Development and embedded mode only.
/// </summary>
public sealed class DemoTenantSeeder(
    IGrainFactory grains,
    IOptions<DemoTenantOptions> options,
    IHostEnvironment environment,
    RunMode runMode,
    EntraStandIn standIn,
    GraphStandInDirectory graph,
    StandInAppRegistrations apps,
    ILogger<DemoTenantSeeder> logger) : IHostedLifecycleService
{
    public const string TenantId = "demo";
    public const string ClientSecret = "demo-secret-the-stand-in-accepts";
    public static readonly Guid EntraTenantId = Guid.Parse("00000000-0000-4000-8000-00000000de70");

    /// <summary>The demo organisation's verified email domain: <c>/signin</c> finds the tenant from it.</summary>
    public const string Domain = "demo.example";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !environment.IsDevelopment() || runMode.Mode != TotalMode.Embedded)
        {
            return;
        }

        var tenant = grains.GetGrain<ITenantGrain>(TenantId);
        if (await tenant.GetAsync() is null)
        {
            var clientId = Guid.NewGuid().ToString();
            await tenant.CreateAsync(new TenantRegistration(
                "Demo Organisation", EntraTenantId, ["TOTAL-Admins"], ["All-Staff"], clientId, ClientSecret));
            if (standIn.IsActive)
            {
                apps.Register(EntraTenantId, new StandInAppRegistration(clientId, ClientSecret, ConsentGranted: true));
                standIn.Domains.Verify(Domain, EntraTenantId);
            }

            await SeedDirectoryAsync();
        }

        logger.LogWarning(
            "Demo tenant ready: open /t/{TenantId} and sign in as 'Ada Admin' (admin), 'Sam Staff' (not an admin) or 'Dan Disabled' (disabled){StandIn}",
            TenantId,
            standIn.IsActive ? " at the local Entra stand-in." : ". Sign-in needs the stand-in: set SignIn__StandIn__Enabled=true.");
    }

    private async Task SeedDirectoryAsync()
    {
        var ada = await CreateUserAsync("Ada Admin", $"ada@{Domain}", "Security Lead", active: true);
        var sam = await CreateUserAsync("Sam Staff", $"sam@{Domain}", "Analyst", active: true);
        var dan = await CreateUserAsync("Dan Disabled", $"dan@{Domain}", "Former Admin", active: false);
        await CreateGroupAsync("TOTAL-Admins", [ada, dan]);
        await CreateGroupAsync("All-Staff", [ada, sam, dan]);
    }

    private async Task<DemoUser> CreateUserAsync(string displayName, string userName, string title, bool active)
    {
        var id = Guid.CreateVersion7().ToString();
        var objectId = Guid.NewGuid().ToString();
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
            ["userName"] = userName,
            ["externalId"] = objectId,
            ["displayName"] = displayName,
            ["active"] = active,
            ["title"] = title,
            ["emails"] = new JsonArray(new JsonObject { ["type"] = "work", ["primary"] = true, ["value"] = userName }),
            ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new JsonObject { ["department"] = "Security" },
        }.ToJsonString();
        await grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(TenantId, id)).CreateAsync(body);
        return new DemoUser(id, objectId);
    }

    private async Task CreateGroupAsync(string displayName, DemoUser[] members)
    {
        var objectId = Guid.NewGuid().ToString();
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
            ["displayName"] = displayName,
            ["externalId"] = objectId,
            ["members"] = new JsonArray(members.Select(member => (JsonNode)new JsonObject { ["value"] = member.ScimId }).ToArray()),
        };
        await grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(TenantId, Guid.CreateVersion7().ToString())).CreateAsync(body.ToJsonString());
        if (standIn.IsActive)
        {
            graph.Tenant(EntraTenantId).PutGroup(objectId, displayName, members.Select(member => member.ObjectId));
        }
    }

    /// <summary>A seeded user: its SCIM id, and its Entra object id (SCIM externalId, Graph member id).</summary>
    private sealed record DemoUser(string ScimId, string ObjectId);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
