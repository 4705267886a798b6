using System.Diagnostics.CodeAnalysis;

namespace Total.Scim.Schema;

/// <summary>
/// An RFC 7644 §3.4.2.2 <c>attrPath</c>: optional schema URN, attribute name, optional sub-attribute,
/// e.g. <c>userName</c>, <c>name.givenName</c>,
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>.
/// Names are kept as written; <see cref="ScimResourceSchema.Resolve(ScimAttributePath)"/> maps them to definitions.
/// </summary>
/// <param name="SchemaUrn">The URN prefix without the trailing colon, or null.</param>
/// <param name="Name">The attribute name.</param>
/// <param name="SubAttribute">The sub-attribute name, or null.</param>
public sealed record ScimAttributePath(string? SchemaUrn, string Name, string? SubAttribute = null)
{
    private const string UrnPrefix = "urn:";

    /// <summary>
    /// Parses an attribute path. A URN prefix is split at its last colon, which is unambiguous
    /// because attribute names cannot contain colons while URNs such as <c>...:2.0:User</c> contain dots.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ScimAttributePath? path)
    {
        path = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        string? urn = null;
        var rest = text;
        if (text.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var lastColon = text.LastIndexOf(':');
            if (lastColon <= UrnPrefix.Length || lastColon == text.Length - 1)
            {
                return false;
            }

            urn = text[..lastColon];
            rest = text[(lastColon + 1)..];
        }

        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? rest : rest[..dot];
        var sub = dot < 0 ? null : rest[(dot + 1)..];
        if (!IsAttributeName(name) || (sub is not null && !IsAttributeName(sub)))
        {
            return false;
        }

        path = new ScimAttributePath(urn, name, sub);
        return true;
    }

    /// <summary>True for an RFC 7643 ATTRNAME (<c>ALPHA *(nameChar)</c>), plus <c>$ref</c>.</summary>
    public static bool IsAttributeName(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (string.Equals(text, "$ref", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path without its schema URN, e.g. <c>name.givenName</c>.</summary>
    public string LocalName => SubAttribute is null ? Name : Name + "." + SubAttribute;

    /// <inheritdoc />
    public override string ToString() => SchemaUrn is null ? LocalName : SchemaUrn + ":" + LocalName;
}
