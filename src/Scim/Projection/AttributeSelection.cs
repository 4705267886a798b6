using Total.Scim.Schema;

namespace Total.Scim.Projection;

/// <summary>
/// A parsed <c>attributes</c> or <c>excludedAttributes</c> list resolved against a schema: which
/// attributes are named whole, which only by some sub-attributes, and which extensions are named whole.
/// </summary>
internal sealed class AttributeSelection
{
    private readonly Dictionary<string, HashSet<string>?> _attributes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);

    public AttributeSelection(IEnumerable<ScimAttributePath> paths, ScimResourceSchema schema)
    {
        foreach (var path in paths)
        {
            var resolved = schema.Resolve(path);
            if (resolved.IsExtensionRoot)
            {
                _extensions.Add(resolved.ExtensionUrn!);
                continue;
            }

            var key = Key(resolved.ExtensionUrn, resolved.AttributeName);
            if (resolved.SubAttributeName is null)
            {
                _attributes[key] = null;
            }
            else if (!_attributes.TryGetValue(key, out var subs))
            {
                _attributes[key] = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { resolved.SubAttributeName };
            }
            else
            {
                subs?.Add(resolved.SubAttributeName);
            }
        }
    }

    public bool IsEmpty => _attributes.Count == 0 && _extensions.Count == 0;

    public bool NamesExtension(string urn) => _extensions.Contains(urn);

    /// <summary>True when the attribute is named as a whole (or its whole extension is).</summary>
    public bool NamesWhole(string? urn, string attribute) =>
        (urn is not null && _extensions.Contains(urn))
        || (_attributes.TryGetValue(Key(urn, attribute), out var subs) && subs is null);

    /// <summary>The sub-attributes named for the attribute, or null when none are named individually.</summary>
    public IReadOnlySet<string>? NamedSubAttributes(string? urn, string attribute) =>
        _attributes.TryGetValue(Key(urn, attribute), out var subs) ? subs : null;

    private static string Key(string? urn, string attribute) => (urn ?? string.Empty) + "|" + attribute;
}
