using System.Text.Json.Nodes;
using Total.Grains.Abstractions.Access;
using Total.Scim.Schema;

namespace Total.Api.Pages.Console;

/// <summary>A provisioned user as the console shows it: the SCIM attributes admins care about, and the access decision.</summary>
public sealed record ConsoleUser(
    string Id,
    string UserName,
    string DisplayName,
    bool Active,
    string? Title,
    string? Department,
    string? ExternalId,
    AccessDecision? Access)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static ConsoleUser From(string resource, AccessDecision? access)
    {
        var user = JsonNode.Parse(resource)!.AsObject();
        var userName = (string?)user["userName"] ?? "";
        return new ConsoleUser(
            (string)user["id"]!,
            userName,
            (string?)user["displayName"] ?? userName,
            UserActive.Of(user),
            (string?)user["title"],
            (string?)user[Enterprise]?["department"],
            (string?)user["externalId"],
            access);
    }
}
