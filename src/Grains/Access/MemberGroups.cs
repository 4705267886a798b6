using Total.Grains.Directory;
using Total.Grains.Directory.Storage;
using Total.Scim.Json;

namespace Total.Grains.Access;

/// <summary>The groups a user is a direct member of, read from storage the way <see cref="AccessRules"/> weighs them.</summary>
public static class MemberGroups
{
    public static async Task<IReadOnlyList<AccessRules.MemberGroup>> ReadAsync(IScimResourceStore resources, IGroupMemberStore members, string tenantId, string userId)
    {
        var groups = new List<AccessRules.MemberGroup>();
        foreach (var groupId in await members.GroupsOfAsync(tenantId, userId))
        {
            if (await resources.GetAsync(tenantId, ScimResourceType.Group, groupId) is { } groupRow)
            {
                var group = ScimJson.Read(groupRow.Body);
                groups.Add(new AccessRules.MemberGroup(groupId, (string?)group["displayName"] ?? "", groupRow.ExternalId));
            }
        }

        return groups;
    }
}
