using Total.Grains.Abstractions.Directory;

using Total.Grains.Tests.Infrastructure;

namespace Total.Grains.Tests.Secrets;

/// <summary>No password is ever stored, whatever a SCIM client sends (Okta sends a placeholder on create).</summary>
public sealed class PasswordNeverStoredTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Password_on_create_is_dropped_before_storing()
    {
        var user = fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource("t-pw", Guid.NewGuid().ToString()));

        var created = await user.CreateAsync("""{"userName":"okta@contoso.example","password":"Placeholder-P@ssw0rd","groups":[]}""");

        Assert.Equal(201, created.Status);
        Assert.DoesNotContain("password", created.Resource!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Placeholder-P@ssw0rd", (await user.GetAsync()).Resource!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_set_by_patch_or_put_is_dropped()
    {
        var user = fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource("t-pw", Guid.NewGuid().ToString()));
        await user.CreateAsync("""{"userName":"patched@contoso.example"}""");

        await user.PatchAsync("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"password","value":"Patched-P@ss"}]}""", null);
        await user.ReplaceAsync("""{"userName":"patched@contoso.example","password":"Put-P@ss"}""", null);

        var stored = (await user.GetAsync()).Resource!;
        Assert.DoesNotContain("Patched-P@ss", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Put-P@ss", stored, StringComparison.Ordinal);
    }
}
