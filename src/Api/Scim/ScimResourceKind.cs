using Total.Grains.Abstractions.Directory;
using Total.Scim.Projection;
using Total.Scim.Schema;

namespace Total.Api.Scim;

/// <summary>How the HTTP endpoints of one resource type (Users, Groups) reach its grains.</summary>
public sealed record ScimResourceKind(
    ScimResourceSchema Schema,
    Func<IGrainFactory, string, string, string, Task<ScimOutcome>> Create,
    Func<IGrainFactory, string, string, AttributeProjection, Task<ScimOutcome>> Get,
    Func<IGrainFactory, string, string, string, string?, AttributeProjection, Task<ScimOutcome>> Replace,
    Func<IGrainFactory, string, string, string, string?, AttributeProjection, Task<ScimOutcome>> Patch,
    Func<IGrainFactory, string, string, string?, Task<ScimOutcome>> Delete,
    bool HasMembers)
{
    public static ScimResourceKind Users { get; } = new(
        ScimResourceSchema.User,
        (grains, tenant, id, body) => User(grains, tenant, id).CreateAsync(body),
        (grains, tenant, id, _) => User(grains, tenant, id).GetAsync(),
        (grains, tenant, id, body, ifMatch, _) => User(grains, tenant, id).ReplaceAsync(body, ifMatch),
        (grains, tenant, id, body, ifMatch, _) => User(grains, tenant, id).PatchAsync(body, ifMatch),
        (grains, tenant, id, ifMatch) => User(grains, tenant, id).DeleteAsync(ifMatch),
        HasMembers: false);

    public static ScimResourceKind Groups { get; } = new(
        ScimResourceSchema.Group,
        (grains, tenant, id, body) => Group(grains, tenant, id).CreateAsync(body),
        (grains, tenant, id, projection) => Group(grains, tenant, id).GetAsync(WantsMembers(projection)),
        (grains, tenant, id, body, ifMatch, projection) => Group(grains, tenant, id).ReplaceAsync(body, ifMatch, WantsMembers(projection)),
        (grains, tenant, id, body, ifMatch, projection) => Group(grains, tenant, id).PatchAsync(body, ifMatch, ExplicitlyWantsMembers(projection)),
        (grains, tenant, id, ifMatch) => Group(grains, tenant, id).DeleteAsync(ifMatch),
        HasMembers: true);

    public string Name => Schema.Name;

    /// <summary>Members are returned unless excluded (Entra always sends <c>excludedAttributes=members</c>).</summary>
    public static bool WantsMembers(AttributeProjection projection) =>
        projection.Attributes.Count > 0 ? Names(projection.Attributes) : !Names(projection.ExcludedAttributes);

    /// <summary>A group PATCH answers 204 unless the client asked for members by name.</summary>
    public static bool ExplicitlyWantsMembers(AttributeProjection projection) => Names(projection.Attributes);

    private static bool Names(IReadOnlyList<ScimAttributePath> paths) =>
        paths.Any(p => string.Equals(p.Name, "members", StringComparison.OrdinalIgnoreCase));

    private static IScimUserGrain User(IGrainFactory grains, string tenant, string id) => grains.GetGrain<IScimUserGrain>(ScimKeys.Resource(tenant, id));

    private static IScimGroupGrain Group(IGrainFactory grains, string tenant, string id) => grains.GetGrain<IScimGroupGrain>(ScimKeys.Resource(tenant, id));
}
