using System.Globalization;
using Total.Scim.Errors;

namespace Total.Scim.Messages;

/// <summary>
/// Resource versions as weak ETags (RFC 7644 §3.14): version 5 is <c>W/"5"</c>, also used as
/// <c>meta.version</c>. Preconditions compare weakly (the opaque text only): SCIM's own examples send
/// weak tags in <c>If-Match</c>, which a strict strong comparison would always reject.
/// </summary>
public static class ScimETag
{
    /// <summary>The weak ETag for a version.</summary>
    public static string FromVersion(long version) => "W/\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads the version out of <c>W/"5"</c> or <c>"5"</c>.</summary>
    public static bool TryParseVersion(string? etag, out long version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(etag))
        {
            return false;
        }

        try
        {
            var tags = EntityTag.ParseList(etag);
            return tags.Count == 1 && long.TryParse(tags[0].Opaque, NumberStyles.None, CultureInfo.InvariantCulture, out version);
        }
        catch (ScimException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when an <c>If-Match</c> header allows the write: absent/empty (no precondition), <c>*</c>,
    /// or a list containing the current version. Malformed headers are 400 invalidVers.
    /// </summary>
    public static bool IfMatchSatisfied(string? ifMatch, long currentVersion)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return true;
        }

        return ContainsVersion(ifMatch, currentVersion);
    }

    private static bool ContainsVersion(string header, long version)
    {
        var expected = version.ToString(CultureInfo.InvariantCulture);
        return EntityTag.ParseList(header).Any(tag => tag.Opaque == expected);
    }
}
