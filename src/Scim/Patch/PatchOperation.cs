using System.Text.Json.Nodes;

namespace Total.Scim.Patch;

/// <summary>One entry of a PatchOp request's <c>Operations</c> array.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Path">The target path as sent, or null for a no-path operation.</param>
/// <param name="Value">The value as sent (detached copy), or null.</param>
public sealed record PatchOperation(PatchOperationType Op, string? Path, JsonNode? Value)
{
    /// <summary>The operation name as it appears in error details, e.g. <c>replace 'title'</c>.</summary>
    public string Describe()
    {
        var name = Op.ToString().ToLowerInvariant();
        return Path is null ? name + " (no path)" : $"{name} '{(Path.Length <= 128 ? Path : Path[..128] + "...")}'";
    }
}
