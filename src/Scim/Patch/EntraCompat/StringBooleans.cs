using System.Text.Json.Nodes;
using Total.Scim.Json;

namespace Total.Scim.Patch.EntraCompat;

/// <summary>
/// Entra ID (without the <c>aadOptscim062020</c> flag) sends booleans as strings, because its
/// <c>active</c> mapping is <c>Switch([IsSoftDeleted], , "False", "True", "True", "False")</c>:
/// <code>
/// {"op":"Replace","path":"active","value":"False"}
/// POST /Users {"userName":"ada@contoso.example","active":"True"}
/// </code>
/// Both JSON booleans and the strings "true"/"false" in any letter case are accepted; the stored
/// value is always a JSON boolean. Used by the normaliser for every boolean attribute, so it covers
/// POST, PUT and PATCH alike.
/// </summary>
public static class StringBooleans
{
    /// <summary>Reads a JSON boolean or a "true"/"false" string (any case).</summary>
    public static bool TryParse(JsonNode? node, out bool value)
    {
        if (node.TryGetBoolean(out value))
        {
            return true;
        }

        if (node.TryGetString(out var text))
        {
            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
            {
                value = true;
                return true;
            }

            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                value = false;
                return true;
            }
        }

        value = false;
        return false;
    }
}
