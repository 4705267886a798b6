namespace Total.Scim.Schema;

/// <summary>
/// One attribute definition (RFC 7643 §7). Defaults follow the RFC: string, single-valued, optional,
/// case-insensitive, readWrite, returned by default, not unique.
/// </summary>
public sealed class ScimAttribute
{
    private readonly IReadOnlyList<ScimAttribute> _subAttributes = [];
    private readonly Dictionary<string, ScimAttribute> _subAttributesByName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an attribute definition.</summary>
    public ScimAttribute(string name, ScimAttributeType type = ScimAttributeType.String)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Type = type;
    }

    /// <summary>Canonical attribute name, e.g. <c>userName</c>.</summary>
    public string Name { get; }

    /// <summary>Data type.</summary>
    public ScimAttributeType Type { get; }

    /// <summary>Short description published in <c>/Schemas</c>.</summary>
    public string? Description { get; init; }

    /// <summary>True when the value is a JSON array.</summary>
    public bool MultiValued { get; init; }

    /// <summary>True when a resource is invalid without the attribute.</summary>
    public bool Required { get; init; }

    /// <summary>True when string comparisons (filter, sort, uniqueness) are case-sensitive.</summary>
    public bool CaseExact { get; init; }

    /// <summary>Who may change the attribute.</summary>
    public ScimMutability Mutability { get; init; } = ScimMutability.ReadWrite;

    /// <summary>When the attribute is returned.</summary>
    public ScimReturned Returned { get; init; } = ScimReturned.Default;

    /// <summary>Uniqueness scope.</summary>
    public ScimUniqueness Uniqueness { get; init; } = ScimUniqueness.None;

    /// <summary>Suggested values (e.g. <c>work</c>, <c>home</c>); not enforced because Entra sends custom types.</summary>
    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    /// <summary>Resource types a <c>reference</c> attribute may point to (e.g. <c>User</c>, <c>external</c>).</summary>
    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    /// <summary>Sub-attributes of a complex attribute, in canonical order.</summary>
    public IReadOnlyList<ScimAttribute> SubAttributes
    {
        get => _subAttributes;
        init
        {
            _subAttributes = value ?? [];
            _subAttributesByName.Clear();
            foreach (var sub in _subAttributes)
            {
                _subAttributesByName[sub.Name] = sub;
            }
        }
    }

    /// <summary>True for <see cref="ScimAttributeType.Complex"/>.</summary>
    public bool IsComplex => Type == ScimAttributeType.Complex;

    /// <summary>Finds a sub-attribute by name, ignoring case (RFC 7643 §2.1: names are case-insensitive).</summary>
    public ScimAttribute? FindSubAttribute(string name) =>
        _subAttributesByName.GetValueOrDefault(name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
