using System.Text.Json;

namespace Total.Revocation;

/// <summary>The ways Entra's provisioning service takes admin access away, as the scenarios send them.</summary>
internal enum RemovalShape
{
    /// <summary>Group PATCH <c>{"op":"Remove","path":"members[value eq \"id\"]"}</c> (A.4.12, current shape).</summary>
    GroupRemoveByFilter,

    /// <summary>Group PATCH <c>{"op":"Remove","path":"members","value":[{"value":"id"}]}</c> (the legacy value list).</summary>
    GroupRemoveValueList,

    /// <summary>User PATCH <c>{"op":"Replace","path":"active","value":"False"}</c> (a string boolean, as Entra sends).</summary>
    UserActiveFalse,

    /// <summary><c>DELETE /Users/{id}</c>.</summary>
    UserDelete,
}

/// <summary>SCIM calls on one tenant, in the shapes Entra sends (bench/Common/Entra.cs), recorded per kind.</summary>
internal sealed class ScimTenant(TenantHandle tenant, LoadClient client)
{
    public const int MembersPerPatch = 100;
    private static readonly Func<int, bool> Created = s => s == 201;
    private static readonly Func<int, bool> Patched = s => s is 200 or 204;
    private static readonly Func<int, bool> Deleted = s => s == 204;

    public TenantHandle Tenant => tenant;

    /// <summary><c>POST /Users</c> with the A.4.3 body (externalId = the person's Entra object id); sets the user's id.</summary>
    public async Task<bool> CreateUserAsync(string phase, UserRec user)
    {
        var reply = await SendAsync(phase, "users.create", HttpMethod.Post, "/Users", Entra.CreateUser(user), Created);
        user.Id = reply is { Status: 201, Body: { } body } ? ReadId(body) : null;
        return user.Id is not null;
    }

    /// <summary><c>POST /Groups</c> without members (A.4.8); sets the group's id.</summary>
    public async Task<bool> CreateGroupAsync(string phase, GroupRec group)
    {
        var reply = await SendAsync(phase, "groups.create", HttpMethod.Post, "/Groups", Entra.CreateGroup(group), Created);
        group.Id = reply is { Status: 201, Body: { } body } ? ReadId(body) : null;
        return group.Id is not null;
    }

    /// <summary>Adds the users in PATCH batches of <see cref="MembersPerPatch"/>, one batch at a time (as one Entra job does).</summary>
    public async Task<bool> AddMembersAsync(string phase, GroupRec group, IReadOnlyList<UserRec> users)
    {
        foreach (var batch in users.Chunk(MembersPerPatch))
        {
            if (await SendAsync(phase, "groups.patch.add." + MembersPerPatch, HttpMethod.Patch, "/Groups/" + group.Id, Entra.Members("Add", batch.Select(u => u.Id!)), Patched) is not { Success: true })
            {
                return false;
            }

            group.Members.UnionWith(batch);
        }

        return true;
    }

    /// <summary>Takes <paramref name="user"/>'s admin access away over SCIM in the given shape; true when the answer was a success.</summary>
    public async Task<bool> RemoveAsync(string phase, RemovalShape shape, GroupRec adminGroup, UserRec user)
    {
        var reply = shape switch
        {
            RemovalShape.GroupRemoveByFilter => await SendAsync(phase, "remove.group-filter", HttpMethod.Patch, "/Groups/" + adminGroup.Id,
                Entra.Patch($$"""{"op":"Remove","path":"members[value eq \"{{user.Id}}\"]"}"""), Patched),
            RemovalShape.GroupRemoveValueList => await SendAsync(phase, "remove.group-value-list", HttpMethod.Patch, "/Groups/" + adminGroup.Id,
                Entra.Members("Remove", [user.Id!]), Patched),
            RemovalShape.UserActiveFalse => await SendAsync(phase, "remove.user-active-false", HttpMethod.Patch, "/Users/" + user.Id,
                Entra.Patch(Entra.Op("Replace", "active", Entra.Str("False"))), Patched),
            RemovalShape.UserDelete => await SendAsync(phase, "remove.user-delete", HttpMethod.Delete, "/Users/" + user.Id, null, Deleted),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
        return reply is { Success: true };
    }

    /// <summary>The one big call of the fan-out scenario: <c>DELETE /Groups/{id}</c>, or PATCH <c>{"op":"Remove","path":"members"}</c>.</summary>
    public Task<Reply?> EmptyAdminGroupAsync(string phase, GroupRec group, bool delete) => delete
        ? SendAsync(phase, "groups.delete", HttpMethod.Delete, "/Groups/" + group.Id, null, Deleted)
        : SendAsync(phase, "groups.patch.remove-all", HttpMethod.Patch, "/Groups/" + group.Id, Entra.Patch("""{"op":"Remove","path":"members"}"""), Patched);

    private Task<Reply?> SendAsync(string phase, string kind, HttpMethod method, string path, string? json, Func<int, bool> expected) =>
        client.SendAsync(phase, kind, method, new Uri(tenant.ScimBase + path), tenant.ScimAuth, json, true, long.MaxValue, null, expected);

    private static string? ReadId(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }
}
