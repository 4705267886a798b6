using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Json;

namespace Total.Scim.Patch.EntraCompat;

/// <summary>
/// With <c>aadOptscim062020</c>, Entra collapses several replaces into one no-path operation whose
/// value object uses dotted and URN-qualified keys instead of nested objects:
/// <code>
/// {"op":"replace","value":{
///    "displayName":"Ada King",
///    "name.givenName":"Ada","name.familyName":"King",
///    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"42"}}
/// </code>
/// Each key is applied as if it were the operation's path, which is also exactly RFC 7644 §3.5.2
/// for plain keys (<c>{"op":"replace","value":{"active":false}}</c> from Okta) and for an extension URN
/// key with a nested object. <c>schemas</c> is skipped; keys that are not attribute paths are unknown
/// attributes and are ignored like everywhere else.
/// </summary>
internal static class DottedKeyNoPathOperation
{
    public static IReadOnlyList<(PatchPath Path, JsonNode? Value)> Expand(PatchOperation operation)
    {
        if (operation.Value is not JsonObject value)
        {
            throw ScimException.InvalidValue(
                $"'{operation.Op.ToString().ToLowerInvariant()}' without a path needs an object value whose keys are attribute names; got {operation.Value.Describe()}.");
        }

        var expanded = new List<(PatchPath, JsonNode?)>();
        foreach (var (key, item) in value)
        {
            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase) || !PatchPath.TryParse(key, out var path))
            {
                continue;
            }

            expanded.Add((path, item));
        }

        return expanded;
    }
}
