using System.Text.Json.Nodes;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory.Storage;

namespace Total.Grains.Directory;

/// <summary>
/// What users and groups share: a unique name per tenant (userName, displayName) claimed in its directory
/// shard before the row is written, the row written once, and the shard kept current. The database's
/// unique index backs up the shard's claim.
/// </summary>
public sealed class ScimResourceLifecycle(string tenantId, ScimResourceType type, IScimResourceStore store, IGrainFactory grains)
{
    public string TypeName => type == ScimResourceType.User ? "User" : "Group";

    public string UniqueAttribute => type == ScimResourceType.User ? "userName" : "displayName";

    public StoredResource ToRow(string id, JsonObject stored, long version, string? privateState = null) => new(
        tenantId,
        type,
        id,
        DirectoryShards.KeyOf((string)stored[UniqueAttribute]!),
        (string?)stored["externalId"],
        version,
        ScimJson.Write(stored),
        privateState);

    /// <summary>Claims the unique name and inserts the row; null when done, else the error to return.</summary>
    public async Task<ScimOutcome?> InsertAsync(StoredResource row, string uniqueValue)
    {
        var shard = ShardOf(row.UniqueKey);
        if (await shard.ClaimAsync(row.UniqueKey, row.Id) is { } owner)
        {
            return ScimOutcomes.Uniqueness(UniqueAttribute, uniqueValue, owner);
        }

        var written = await store.InsertAsync(row);
        if (written != StoreWriteResult.Written)
        {
            await shard.ReleaseAsync(row.UniqueKey, row.Id);
            return written == StoreWriteResult.UniqueKeyTaken
                ? ScimOutcome.Error(409, "uniqueness", $"{UniqueAttribute} '{uniqueValue}' is already used in this tenant.")
                : ScimOutcomes.Conflict($"{TypeName} '{row.Id}' already exists.");
        }

        await shard.UpsertAsync(Entry(row));
        return null;
    }

    /// <summary>Writes a new version of the row, moving the unique name if it changed; null when done.</summary>
    public async Task<ScimOutcome?> UpdateAsync(StoredResource current, StoredResource next, string uniqueValue)
    {
        var renamed = current.UniqueKey != next.UniqueKey;
        var shard = ShardOf(next.UniqueKey);
        if (renamed && await shard.ClaimAsync(next.UniqueKey, next.Id) is { } owner)
        {
            return ScimOutcomes.Uniqueness(UniqueAttribute, uniqueValue, owner);
        }

        var written = await store.UpdateAsync(next, current.Version);
        if (written != StoreWriteResult.Written)
        {
            if (renamed)
            {
                await shard.ReleaseAsync(next.UniqueKey, next.Id);
            }

            return written == StoreWriteResult.UniqueKeyTaken
                ? ScimOutcome.Error(409, "uniqueness", $"{UniqueAttribute} '{uniqueValue}' is already used in this tenant.")
                : ScimOutcomes.Conflict($"{TypeName} '{next.Id}' was changed by another request at the same time; retry.");
        }

        await shard.UpsertAsync(Entry(next));
        if (renamed && current.Shard != next.Shard)
        {
            await ShardOf(current.UniqueKey).RemoveAsync(current.Id);
        }

        return null;
    }

    public async Task DeleteAsync(StoredResource current)
    {
        await store.DeleteAsync(tenantId, type, current.Id);
        await ShardOf(current.UniqueKey).RemoveAsync(current.Id);
    }

    private IDirectoryShardGrain ShardOf(string uniqueKey) =>
        grains.GetGrain<IDirectoryShardGrain>(ScimKeys.Shard(tenantId, TypeName, DirectoryShards.Of(uniqueKey)));

    private static DirectoryEntry Entry(StoredResource row) => new(row.Id, row.UniqueKey, row.ExternalId, row.Body);
}
