using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Messages;

namespace Total.Grains.Directory;

/// <summary>Request pieces every SCIM write checks the same way.</summary>
public static class ScimRequests
{
    /// <summary>The body as a JSON object, or 400 invalidSyntax.</summary>
    public static JsonObject ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject
                ?? throw ScimException.InvalidSyntax("The request body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw ScimException.InvalidSyntax($"The request body is not valid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine}).");
        }
    }

    /// <summary>412 when <c>If-Match</c> names another version (400 invalidVers when it is malformed).</summary>
    public static void RequireVersion(string? ifMatch, long currentVersion, string what)
    {
        if (!ScimETag.IfMatchSatisfied(ifMatch, currentVersion))
        {
            throw ScimException.PreconditionFailed($"{what} is at version {ScimETag.FromVersion(currentVersion)}, not the one in If-Match; read it again and retry.");
        }
    }
}
