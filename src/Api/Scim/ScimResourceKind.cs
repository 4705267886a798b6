using Total.Grains.Abstractions.Directory;
using Total.Scim.Projection;
using Total.Scim.Schema;

namespace Total.Api.Scim;

/// <summary>How the HTTP endpoints of one resource type (Users, Groups) reach its grains.</summary>
public sealed record ScimResourceKind(
    ScimResourceSchema Schema,
    Func<IGrainFactory, string, string, string, string?, Task<ScimOutcome>> Create,
    Func<IGrainFactory, string, string, AttributeProjection, Task<ScimOutcome>> Get,
    Func<IGrainFactory, string, string, string, string?, AttributeProjection, string?, Task<ScimOutcome>> Replace,
    Func<IGrainFactory, string, string, string, string?, AttributeProjection, string?, Task<ScimOutcome>> Patch,
    Func<IGrainFactory, string, string, string?, string?, Task<ScimOutcome>> Delete,
    bool HasMembers)
{
    public static ScimResourceKind Users { get; } = new(
        ScimResourceSchema.User,
        (grains, tenant, id, body, _) => User(grains, tenant, id).CreateAsync(body),
        (grains, tenant, id, _) => User(grains, tenant, id).GetAsync(),
        (grains, tenant, id, body, ifMatch, _, request) => User(grains, tenant, id).ReplaceAsync(body, ifMatch, request),
        (grains, tenant, id, body, ifMatch, _, request) => User(grains, tenant, id).PatchAsync(body, ifMatch, request),
        (grains, tenant, id, ifMatch, request) => User(grains, tenant, id).DeleteAsync(ifMatch, request),
        HasMembers: false);

    public static ScimResourceKind Groups { get; } = new(
        ScimResourceSchema.Group,
        (grains, tenant, id, body, request) => Group(grains, tenant, id).CreateAsync(body, request),
        (grains, tenant, id, projection) => Group(grains, tenant, id).GetAsync(WantsMembers(projection)),
        (grains, tenant, id, body, ifMatch, projection, request) => Group(grains, tenant, id).ReplaceAsync(body, ifMatch, WantsMembers(projection), request),
        (grains, tenant, id, body, ifMatch, projection, request) => Group(grains, tenant, id).PatchAsync(body, ifMatch, ExplicitlyWantsMembers(projection), request),
        (grains, tenant, id, ifMatch, request) => Group(grains, tenant, id).DeleteAsync(ifMatch, request),
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
