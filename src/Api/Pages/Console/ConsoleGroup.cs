using System.Text.Json.Nodes;
using Total.Grains.Abstractions.Tenants;

namespace Total.Api.Pages.Console;

/// <summary>A provisioned group as the console shows it, with its role from the tenant's settings.</summary>
public sealed record ConsoleGroup(string Id, string DisplayName, string? ExternalId, long MemberCount, bool Admin, bool Monitored)
{
    public string Role => (Admin, Monitored) switch
    {
        (true, true) => "Admin and monitored",
        (true, false) => "Admin",
        (false, true) => "Monitored",
        _ => "None",
    };

    public static ConsoleGroup From(string resource, long memberCount, TenantDetails tenant)
    {
        var group = JsonNode.Parse(resource)!.AsObject();
        var displayName = (string?)group["displayName"] ?? "";
        var externalId = (string?)group["externalId"];
        bool Names(string entry) => GroupReferences.Names(entry, displayName, externalId);
        return new ConsoleGroup((string)group["id"]!, displayName, externalId, memberCount, tenant.AdminGroups.Any(Names), tenant.MonitoredGroups.Any(Names));
    }
}
