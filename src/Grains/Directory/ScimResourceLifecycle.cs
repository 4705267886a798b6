using System.Text.Json.Nodes;
using Total.Grains.Abstractions.Directory;
using Total.Grains.Directory.Storage;
using Total.Scim.Json;
using Total.Scim.Patch;
using Total.Scim.Schema;

namespace Total.Grains.Directory;

/// <summary>
/// What users and groups share: a unique name per tenant (userName, displayName) that the store's unique index
/// arbitrates, the row written once per version with its server-owned meta, the directory shard kept current
/// after each write (one shard call per write), and a deleted resource taken out of every group.
/// </summary>
/// <remarks>
/// When the database fails mid-write the outcome is unknown (the row may or may not be there), so the shards and
/// the owning grain (<paramref name="onStorageFailure"/>) drop what they hold in memory and reload from the database.
/// </remarks>
public sealed class ScimResourceLifecycle(string tenantId, ScimResourceType type, IScimResourceStore store, IGroupMemberStore members, IGrainFactory grains, int maxStringLength, Action onStorageFailure)
{
    private readonly ScimResourceSchema _schema = type.Schema();

    /// <summary>Stamps a new resource as version 1 and inserts it: the row, or why it was refused.</summary>
    /// <exception cref="Total.Scim.Errors.ScimException">400 invalidValue when a string is longer than the limit.</exception>
    public async Task<(StoredResource? Row, ScimOutcome? Refused)> CreateAsync(string id, JsonObject normalized, DateTimeOffset now)
    {
        StringValueLimit.Check(normalized, maxStringLength);
        var stored = ResourceMeta.Stamp(normalized, id, _schema.Name, now, now, 1);
        var row = ToRow(id, stored, 1);
        var refused = await GuardAsync(() => InsertAsync(row, (string)stored[_schema.UniqueAttribute]!), row.UniqueKey);
        return refused is null ? (row, null) : (null, refused);
    }

    /// <summary>
    /// Writes <paramref name="next"/> as the next version of <paramref name="current"/>, or nothing when neither it
    /// (apart from meta: Entra resends values) nor a group's <paramref name="members"/> change: the row now stored,
    /// or why the write was refused. A membership change is a change of the group: it gets a new version, written
    /// in one store write with the member rows.
    /// </summary>
    /// <exception cref="Total.Scim.Errors.ScimException">400 invalidValue when a string is longer than the limit.</exception>
    public Task<(StoredResource Row, ScimOutcome? Refused)> SaveAsync(StoredResource current, JsonObject next, DateTimeOffset now, MemberChange? members = null) =>
        SaveAsync(current, ScimJson.Read(current.Body), next, now, members);

    /// <inheritdoc cref="SaveAsync(StoredResource, JsonObject, DateTimeOffset, MemberChange?)"/>
    /// <param name="currentResource"><paramref name="current"/>'s body, already parsed by the caller.</param>
    public async Task<(StoredResource Row, ScimOutcome? Refused)> SaveAsync(StoredResource current, JsonObject currentResource, JsonObject next, DateTimeOffset now, MemberChange? members = null)
    {
        if (!ResourceMeta.ContentDiffers(currentResource, next) && members is null or { IsEmpty: true })
        {
            return (current, null);
        }

        StringValueLimit.Check(next, maxStringLength);
        var version = current.Version + 1;
        var stored = ResourceMeta.Stamp(next, current.Id, _schema.Name, ResourceMeta.Created(currentResource), now, version);
        var row = ToRow(current.Id, stored, version, current.PrivateState);
        var refused = await GuardAsync(() => UpdateAsync(current, row, (string)stored[_schema.UniqueAttribute]!, members), current.UniqueKey, row.UniqueKey);
        return refused is null ? (row, null) : (current, refused);
    }

    /// <summary>Deletes the row, drops it from its shard and takes the resource out of every group it was in.</summary>
    public Task DeleteAsync(StoredResource current) => GuardAsync<object?>(
        async () =>
        {
            await store.DeleteAsync(tenantId, type, current.Id);
            await ShardOf(current.UniqueKey).RemoveAsync(current.Id);
            await members.RemoveFromAllGroupsAsync(tenantId, current.Id);
            return null;
        },
        current.UniqueKey);

    /// <summary>Runs a write; if it throws, resets the shards of <paramref name="uniqueKeys"/> and the owning grain, then rethrows.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> write, params string[] uniqueKeys)
    {
        try
        {
            return await write();
        }
        catch
        {
            // Every exception here is an infrastructure failure: refusals come back as values, not exceptions.
            onStorageFailure();
            foreach (var key in uniqueKeys.Distinct(StringComparer.Ordinal))
            {
                await ShardOf(key).ResetAsync();
            }

            throw;
        }
    }

    private StoredResource ToRow(string id, JsonObject stored, long version, string? privateState = null) => new(
        tenantId,
        type,
        id,
        DirectoryShards.KeyOf((string)stored[_schema.UniqueAttribute]!),
        (string?)stored["externalId"],
        version,
        ScimJson.Write(stored),
        privateState);

    /// <summary>Inserts the row and shows it in its shard; null when done, else the error to return.</summary>
    private async Task<ScimOutcome?> InsertAsync(StoredResource row, string uniqueValue)
    {
        var written = await store.InsertAsync(row);
        if (written != StoreWriteResult.Written)
        {
            return written == StoreWriteResult.UniqueKeyTaken
                ? await NameTakenAsync(row.UniqueKey, uniqueValue)
                : ScimOutcomes.Conflict($"{_schema.Name} '{row.Id}' already exists.");
        }

        await ShardOf(row.UniqueKey).UpsertAsync(Entry(row));
        return null;
    }

    /// <summary>Writes a new version of the row, moving the unique name if it changed; null when done.</summary>
    private async Task<ScimOutcome?> UpdateAsync(StoredResource current, StoredResource next, string uniqueValue, MemberChange? members)
    {
        var written = await store.UpdateAsync(next, current.Version, members);
        if (written != StoreWriteResult.Written)
        {
            return written == StoreWriteResult.UniqueKeyTaken
                ? await NameTakenAsync(next.UniqueKey, uniqueValue)
                : ScimOutcomes.Conflict($"{_schema.Name} '{next.Id}' was changed by another request at the same time; retry.");
        }

        await ShardOf(next.UniqueKey).UpsertAsync(Entry(next));
        if (current.UniqueKey != next.UniqueKey && current.Shard != next.Shard)
        {
            await ShardOf(current.UniqueKey).RemoveAsync(current.Id);
        }

        return null;
    }

    /// <summary>
    /// The 409 for a name the store already holds, naming its owner. The owner is shown in its shard again: if its
    /// writer died between its write and its shard update, Entra's look-up would otherwise never find it.
    /// </summary>
    private async Task<ScimOutcome> NameTakenAsync(string uniqueKey, string uniqueValue)
    {
        if (await store.GetByUniqueKeyAsync(tenantId, type, uniqueKey) is not { } owner)
        {
            return ScimOutcome.Error(409, "uniqueness", $"{_schema.UniqueAttribute} '{uniqueValue}' is already used in this tenant.");
        }

        await ShardOf(uniqueKey).UpsertAsync(Entry(owner));
        return ScimOutcomes.Uniqueness(_schema.UniqueAttribute, uniqueValue, owner.Id);
    }

    private IDirectoryShardGrain ShardOf(string uniqueKey) =>
        grains.GetGrain<IDirectoryShardGrain>(ScimKeys.Shard(tenantId, _schema, DirectoryShards.Of(uniqueKey)));

    private static DirectoryEntry Entry(StoredResource row) => new(row.Id, row.UniqueKey, row.ExternalId, row.Body);
}
