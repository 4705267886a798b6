using System.Globalization;
using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Scim.Patch;

/// <summary>
/// Reads a PatchOp body. Structure is matched case-insensitively (Entra capitalises <c>op</c> values,
/// and the docs ask servers not to be strict about structural case). <c>schemas</c> is not checked:
/// a missing or odd value costs nothing to tolerate.
/// </summary>
internal static class PatchRequestReader
{
    public static IReadOnlyList<PatchOperation> Read(JsonObject body, PatchLimits limits)
    {
        if (body.GetPropertyIgnoreCase("Operations") is not JsonArray operations)
        {
            throw ScimException.InvalidSyntax($"The PATCH body needs an 'Operations' array ({ScimSchemas.PatchOp}).");
        }

        if (operations.Count == 0)
        {
            throw ScimException.InvalidSyntax("The PATCH body's 'Operations' array is empty; send at least one operation.");
        }

        if (operations.Count > limits.MaxOperations)
        {
            throw ScimException.InvalidValue($"The PATCH body has {operations.Count.ToString(CultureInfo.InvariantCulture)} operations; at most {limits.MaxOperations.ToString(CultureInfo.InvariantCulture)} are accepted per request.");
        }

        var result = new List<PatchOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            result.Add(ReadOperation(operations[i], i, limits.MaxPathLength));
        }

        return result;
    }

    private static PatchOperation ReadOperation(JsonNode? node, int index, int maxPathLength)
    {
        var where = $"Operations[{index.ToString(CultureInfo.InvariantCulture)}]";
        if (node is not JsonObject operation)
        {
            throw ScimException.InvalidSyntax($"{where} must be an object with 'op', 'path' and 'value'.");
        }

        if (!operation.GetPropertyIgnoreCase("op").TryGetString(out var opText) || ParseOp(opText.Trim()) is not { } op)
        {
            throw ScimException.InvalidSyntax($"{where}.op must be 'add', 'replace' or 'remove'.");
        }

        var pathNode = operation.GetPropertyIgnoreCase("path");
        string? path = null;
        if (pathNode is not null)
        {
            if (!pathNode.TryGetString(out var pathText))
            {
                throw ScimException.InvalidPath($"{where}.path must be a string.");
            }

            path = string.IsNullOrWhiteSpace(pathText) ? null : pathText.Trim();
        }

        if (path?.Length > maxPathLength)
        {
            throw ScimException.InvalidPath($"{where}.path is longer than {maxPathLength.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (path is not null)
        {
            try
            {
                _ = PatchPath.Parse(path);
            }
            catch (ScimException error)
            {
                throw new ScimException(error.Status, error.ScimType, $"{where}.path: {error.Detail}");
            }
        }

        return new PatchOperation(op, path, operation.GetPropertyIgnoreCase("value")?.DeepClone());
    }

    // Explicit names rather than Enum.TryParse, which would also accept "1" or "add, remove".
    private static PatchOperationType? ParseOp(string text) => text.ToUpperInvariant() switch
    {
        "ADD" => PatchOperationType.Add,
        "REPLACE" => PatchOperationType.Replace,
        "REMOVE" => PatchOperationType.Remove,
        _ => null,
    };
}
