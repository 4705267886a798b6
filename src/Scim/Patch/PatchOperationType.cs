namespace Total.Scim.Patch;

/// <summary>RFC 7644 §3.5.2 PATCH operation names (parsed case-insensitively: Entra sends <c>Add</c>, <c>Replace</c>, <c>Remove</c>).</summary>
public enum PatchOperationType
{
    /// <summary><c>add</c>.</summary>
    Add,

    /// <summary><c>replace</c>.</summary>
    Replace,

    /// <summary><c>remove</c>.</summary>
    Remove,
}
