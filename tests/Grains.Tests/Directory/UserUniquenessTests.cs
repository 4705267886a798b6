using Total.Grains.Abstractions.Directory;

using Total.Grains.Tests.Infrastructure;
using Total.Scim.Schema;

namespace Total.Grains.Tests.Directory;

/// <summary>userName is unique per tenant even when Entra's retries race each other.</summary>
public sealed class UserUniquenessTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Concurrent_creates_of_one_userName_give_exactly_one_user()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        const string body = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"race@contoso.example"}""";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, $"u{i}")).CreateAsync(i % 2 == 0 ? body : body.Replace("race@", "RACE@", StringComparison.Ordinal))));

        Assert.Single(outcomes, o => o.Status == 201);
        Assert.All(outcomes.Where(o => o.Status != 201), o => Assert.Equal((409, "uniqueness"), (o.Status, o.ScimType)));
        var page = await fixture.Grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenant, ScimResourceSchema.User))
            .QueryAsync(new DirectoryQuery("userName eq \"race@contoso.example\"", null, false, 1, 10));
        Assert.Equal(1, page.TotalResults);
    }

    [Fact]
    public async Task The_same_userName_in_two_tenants_is_two_users()
    {
        const string body = """{"userName":"shared@contoso.example"}""";

        var first = await fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource("tenant-one", "u1")).CreateAsync(body);
        var second = await fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource("tenant-two", "u1")).CreateAsync(body);

        Assert.Equal(201, first.Status);
        Assert.Equal(201, second.Status);
    }

    [Fact]
    public async Task Deleting_a_user_frees_its_userName()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        const string body = """{"userName":"again@contoso.example"}""";
        var first = fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, "first"));
        Assert.Equal(201, (await first.CreateAsync(body)).Status);

        Assert.Equal(204, (await first.DeleteAsync(null)).Status);
        var second = await fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, "second")).CreateAsync(body);

        Assert.Equal(201, second.Status);
    }
}
