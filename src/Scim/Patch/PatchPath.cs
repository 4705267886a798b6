using System.Diagnostics.CodeAnalysis;
using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Schema;

namespace Total.Scim.Patch;

/// <summary>
/// A parsed PATCH path (RFC 7644 §3.5.2 <c>PATH = attrPath / valuePath [subAttr]</c>):
/// <c>title</c>, <c>name.familyName</c>, <c>urn:...:User:manager.value</c>,
/// <c>emails[type eq "work"].value</c>, <c>members[value eq "u-1"]</c>.
/// </summary>
/// <param name="Attribute">The attribute path (may itself carry a sub-attribute when there is no filter).</param>
/// <param name="ValueFilter">The value selection filter, or null.</param>
/// <param name="SubAttribute">The sub-attribute after the filter, or null.</param>
public sealed record PatchPath(ScimAttributePath Attribute, FilterNode? ValueFilter = null, string? SubAttribute = null)
{
    /// <summary>Parses a path; malformed paths are 400 invalidPath with the position.</summary>
    public static PatchPath Parse(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw ScimException.InvalidPath("The path is empty.");
        }

        var (attribute, filter, sub) = FilterParser.ParsePatchPath(path);
        return new PatchPath(attribute, filter, sub);
    }

    /// <summary>Parses a path, returning false instead of throwing.</summary>
    public static bool TryParse(string path, [NotNullWhen(true)] out PatchPath? result)
    {
        try
        {
            result = Parse(path);
            return true;
        }
        catch (ScimException)
        {
            result = null;
            return false;
        }
    }
}
