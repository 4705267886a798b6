using Microsoft.Extensions.DependencyInjection;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory.Storage;
using Total.Grains.Tests.Infrastructure;
using Total.Scim.Filter;

namespace Total.Grains.Tests.Directory;

/// <summary>
/// A create claims its name in the directory shard, writes its row, then shows it in the shard. When its silo dies in
/// between, the claim outlives its writer: once it is older than a create ever takes, the next claim of the name asks
/// the database who holds it (found in a silo-failure drill, where Entra's retry met a 409 for a user nobody could find).
/// </summary>
public sealed class UnsettledClaimTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task A_name_whose_writer_died_before_writing_is_refused_while_young_and_free_once_settled()
    {
        var shard = Shard("ada@contoso.example");
        Assert.Null(await shard.ClaimAsync("ada@contoso.example", "dead-writer"));

        Assert.Equal("dead-writer", await shard.ClaimAsync("ada@contoso.example", "retry"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Null(await shard.ClaimAsync("ada@contoso.example", "retry"));
    }

    [Fact]
    public async Task A_row_whose_writer_died_before_showing_it_is_found_by_the_next_claim_and_then_by_lookups()
    {
        var shard = Shard("grace@contoso.example");
        Assert.Null(await shard.ClaimAsync("grace@contoso.example", "dead-writer"));
        var store = fixture.SiloServices.GetRequiredService<IScimResourceStore>();
        await store.InsertAsync(new StoredResource(
            "t1", ScimResourceType.User, "dead-writer", "grace@contoso.example", "oid-grace", 1, """{"id":"dead-writer","userName":"Grace@contoso.example"}""", null), TestContext.Current.CancellationToken);
        var lookup = new ShardQuery(null, null, false, 10, IncludeResources: true, ScimFilter.Parse("userName eq \"grace@contoso.example\"", FilterLimits.Default));
        Assert.Equal(0, (await shard.QueryAsync(lookup)).Total);

        fixture.Clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal("dead-writer", await shard.ClaimAsync("grace@contoso.example", "retry"));
        Assert.Equal("dead-writer", Assert.Single((await shard.QueryAsync(lookup)).Hits).Id);
    }

    private IDirectoryShardGrain Shard(string uniqueKey) =>
        fixture.Grains.GetGrain<IDirectoryShardGrain>(ScimKeys.Shard("t1", "User", DirectoryShards.Of(uniqueKey)));
}
