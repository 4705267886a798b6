using Total.Scim.Errors;
using Total.Scim.Messages;

namespace Total.Grains.Directory;

/// <summary>Request pieces every SCIM write checks the same way.</summary>
public static class ScimRequests
{
    /// <summary>412 when <c>If-Match</c> names another version (400 invalidVers when it is malformed).</summary>
    public static void RequireVersion(string? ifMatch, long currentVersion, string what)
    {
        if (!ScimETag.IfMatchSatisfied(ifMatch, currentVersion))
        {
            throw ScimException.PreconditionFailed($"{what} is at version {ScimETag.FromVersion(currentVersion)}, not the one in If-Match; read it again and retry.");
        }
    }
}
