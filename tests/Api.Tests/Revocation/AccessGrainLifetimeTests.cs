using System.Net;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.Scim;

namespace Total.Api.Tests.Revocation;

/// <summary>Only an admin's sessions ask a user's access grain on every request; nobody else's stays in memory.</summary>
public sealed class AccessGrainLifetimeTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    [Fact]
    public async Task Disabling_users_who_are_not_admins_leaves_no_access_grain_in_memory()
    {
        using var scim = await EntraScimClient.ForNewTenantAsync(fixture.Server);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await scim.CreateUserIdAsync($"leaver{i}@contoso.example"));
        }

        // Each PATCH recomputes that user's access before it is answered: a disabled admin must lose access at once.
        foreach (var id in ids)
        {
            var disabled = await scim.PatchAsync($"Users/{id}", EntraBodies.Patch(EntraBodies.Op("Replace", "active", EntraBodies.Quote("False"))));
            Assert.Equal(HttpStatusCode.OK, disabled.Status);
        }

        Assert.Equal(0, await ServerDiagnostics.ActivationsSettlingAtAsync(fixture.Server, "UserAccessGrain", atMost: 0));
    }
}
