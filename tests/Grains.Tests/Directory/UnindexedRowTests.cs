using Microsoft.Extensions.DependencyInjection;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory.Storage;
using Total.Grains.Tests.Infrastructure;
using Total.Scim.Schema;

namespace Total.Grains.Tests.Directory;

/// <summary>
/// A create writes its row, then shows it in the directory shard. When its silo dies in between, the row holds the
/// name but look-ups cannot find it: Entra's retry of the create must get a 409 that names the row's id, and the
/// look-up after it must find the row (found in a silo-failure drill, where a retry met a 409 for a user nobody
/// could find).
/// </summary>
public sealed class UnindexedRowTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task A_row_whose_writer_died_before_showing_it_is_named_by_the_next_create_and_then_found()
    {
        var tenant = "t" + Guid.NewGuid().ToString("N")[..8];
        var lookup = new DirectoryQuery("userName eq \"grace@contoso.example\"", null, false, 1, 10);
        var directory = fixture.Grains.GetGrain<IDirectoryQueryGrain>(ScimKeys.Query(tenant, ScimResourceSchema.User));
        Assert.Equal(0, (await directory.QueryAsync(lookup)).TotalResults);
        var store = fixture.SiloServices.GetRequiredService<IScimResourceStore>();

        // Written behind the active shard's back, as by a writer that died before its shard update.
        await store.InsertAsync(new StoredResource(
            tenant, ScimResourceType.User, "dead-writer", "grace@contoso.example", "oid-grace", 1, """{"id":"dead-writer","userName":"Grace@contoso.example"}""", null), TestContext.Current.CancellationToken);
        Assert.Equal(0, (await directory.QueryAsync(lookup)).TotalResults);

        var retry = await fixture.Grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, "retry")).CreateAsync("""{"userName":"grace@contoso.example"}""");

        Assert.Equal((409, "uniqueness"), (retry.Status, retry.ScimType));
        Assert.Contains("'dead-writer'", retry.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await directory.QueryAsync(lookup)).TotalResults);
    }
}
