using System.Text.Json.Nodes;

namespace Total.Scim.Schema;

/// <summary>A User's <c>active</c> attribute as the product reads it.</summary>
public static class UserActive
{
    /// <summary>A user without the attribute is active (RFC 7643 §4.1.1 leaves it optional; Entra always sends it).</summary>
    public static bool Of(JsonObject user) =>
        user["active"] is not JsonValue value || !value.TryGetValue<bool>(out var active) || active;
}
