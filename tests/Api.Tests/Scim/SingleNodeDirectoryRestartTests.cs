using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Infrastructure.Requirements;
using Total.Grains.Abstractions.Provisioning;

namespace Total.Api.Tests.Scim;

/// <summary>
/// Single node only (embedded mode keeps nothing by design): the directory a tenant provisioned is the same
/// after a full process restart, including the indexes rebuilt from PostgreSQL (unique names, externalId, membership),
/// and so is the provisioning log.
/// </summary>
[Needs(Requirement.PostgreSQL)]
public sealed class SingleNodeDirectoryRestartTests
{
    [Fact]
    public async Task Users_and_their_unique_names_survive_a_restart()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var renamedFrom = "bob@contoso.example";
        var renamedTo = "robert@contoso.example";
        var externalId = Guid.NewGuid().ToString();
        CreatedTenant tenant;
        string renamedId;
        await using (var first = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer(database.ConnectionString)))
        {
            using var scim = await EntraScimClient.ForNewTenantAsync(first);
            tenant = scim.Tenant;
            await scim.CreateUserAsync("ada@contoso.example", externalId);
            renamedId = await scim.CreateUserIdAsync(renamedFrom);
            await scim.PatchAsync($"Users/{renamedId}", EntraBodies.Patch(EntraBodies.Op("Replace", "userName", EntraBodies.Quote(renamedTo))));
        }

        await using var second = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer(database.ConnectionString));
        using var restarted = EntraScimClient.ForExistingTenant(second, tenant);

        Assert.Equal(1, (await restarted.FilterAsync("Users", "userName eq \"ADA@contoso.example\"")).TotalResults);
        Assert.Equal(1, (await restarted.FilterAsync("Users", $"externalId eq \"{externalId}\"")).TotalResults);
        Assert.Equal(0, (await restarted.FilterAsync("Users", $"userName eq \"{renamedFrom}\"")).TotalResults);
        Assert.Equal(renamedId, (string?)Assert.Single((await restarted.FilterAsync("Users", $"userName eq \"{renamedTo}\"")).Resources)["id"]);
        Assert.Equal(HttpStatusCode.Conflict, (await restarted.PostAsync("Users", EntraBodies.User("Ada@Contoso.example", Guid.NewGuid().ToString()))).Status);
        Assert.Equal(HttpStatusCode.Created, (await restarted.PostAsync("Users", EntraBodies.User(renamedFrom, Guid.NewGuid().ToString()))).Status);
    }

    [Fact]
    public async Task Provisioning_log_survives_a_restart_including_a_call_answered_just_before_the_stop()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        CreatedTenant tenant;
        await using (var first = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer(database.ConnectionString)))
        {
            using var scim = await EntraScimClient.ForNewTenantAsync(first);
            tenant = scim.Tenant;
            await scim.CreateUserAsync("ada@contoso.example", Guid.NewGuid().ToString());
        }

        await using var second = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer(database.ConnectionString));
        var log = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IProvisioningLogGrain>(tenant.TenantId).ReadAsync(false, 0, 10);

        Assert.Contains(log.Entries, e => e.Method == "POST" && e.Status == 201);
    }

    [Fact]
    public async Task Group_members_survive_a_restart()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        CreatedTenant tenant;
        string groupId, ada, bob;
        await using (var first = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer(database.ConnectionString)))
        {
            using var scim = await EntraScimClient.ForNewTenantAsync(first);
            tenant = scim.Tenant;
            ada = await scim.CreateUserIdAsync("ada@contoso.example");
            bob = await scim.CreateUserIdAsync("bob@contoso.example");
            groupId = await scim.CreateGroupAsync("TOTAL-Admins");
            await scim.AddMembersAsync(groupId, ada, bob);
        }

        await using var second = await TotalServer.StartApiAsync(ScimSuiteSettings.ForServer(database.ConnectionString));
        using var restarted = EntraScimClient.ForExistingTenant(second, tenant);

        Assert.Equal(new[] { ada, bob }.Order(StringComparer.Ordinal), await restarted.MemberIdsAsync(groupId));
        Assert.Equal(1, (await restarted.FilterAsync("Groups", $"id eq \"{groupId}\" and members[value eq \"{bob}\"]", "excludedAttributes=members")).TotalResults);
        Assert.Equal(HttpStatusCode.Conflict, (await restarted.PostAsync("Groups", EntraBodies.Group("total-admins", Guid.NewGuid().ToString()))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await restarted.PatchAsync($"Groups/{groupId}", EntraBodies.RemoveMembersLegacy(ada))).Status);
        Assert.Equal([bob], await restarted.MemberIdsAsync(groupId));
    }
}
