using Total.Grains.Abstractions.Directory;

namespace Total.Grains.Directory.Storage;

/// <summary>One SCIM resource as stored: the resource JSON plus the columns the directory queries by.</summary>
/// <param name="UniqueKey">Lower-cased userName or displayName: unique per tenant and type.</param>
/// <param name="Body">The resource JSON (with id, externalId and meta).</param>
/// <param name="PrivateState">Grain-private JSON that SCIM never returns (a user's groups, for example).</param>
public sealed record StoredResource(
    string TenantId,
    ScimResourceType Type,
    string Id,
    string UniqueKey,
    string? ExternalId,
    long Version,
    string Body,
    string? PrivateState)
{
    public int Shard => DirectoryShards.Of(UniqueKey);
}
