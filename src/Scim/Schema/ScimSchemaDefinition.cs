namespace Total.Scim.Schema;

/// <summary>
/// One schema (RFC 7643 §7): a URN plus its attribute definitions, e.g. core User or the enterprise
/// extension. A resource type combines a core schema with extensions, see <see cref="ScimResourceSchema"/>.
/// </summary>
public sealed class ScimSchemaDefinition
{
    private readonly Dictionary<string, ScimAttribute> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a schema definition.</summary>
    public ScimSchemaDefinition(string id, string name, string description, IReadOnlyList<ScimAttribute> attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(attributes);
        Id = id;
        Name = name;
        Description = description;
        Attributes = attributes;
        foreach (var attribute in attributes)
        {
            _byName[attribute.Name] = attribute;
        }
    }

    /// <summary>The schema URN.</summary>
    public string Id { get; }

    /// <summary>Human-readable schema name.</summary>
    public string Name { get; }

    /// <summary>Description published in <c>/Schemas</c>.</summary>
    public string Description { get; }

    /// <summary>Top-level attributes in canonical order.</summary>
    public IReadOnlyList<ScimAttribute> Attributes { get; }

    /// <summary>Finds a top-level attribute by name, ignoring case.</summary>
    public ScimAttribute? FindAttribute(string name) => _byName.GetValueOrDefault(name);

    /// <summary>RFC 7643 §4.1 core User.</summary>
    public static ScimSchemaDefinition User { get; } = UserSchemaAttributes.Create();

    /// <summary>RFC 7643 §4.3 enterprise User extension.</summary>
    public static ScimSchemaDefinition EnterpriseUser { get; } = EnterpriseUserSchemaAttributes.Create();

    /// <summary>RFC 7643 §4.2 core Group.</summary>
    public static ScimSchemaDefinition Group { get; } = GroupSchemaAttributes.Create();
}
