namespace Total.Scim.Schema;

/// <summary>
/// A resource type (RFC 7643 §6): its core schema plus extensions, e.g. User = core User + enterprise
/// extension. Everything that needs attribute characteristics (normaliser, filter, PATCH, projection,
/// sorting) takes one of these. Attribute lookup ignores case.
/// </summary>
public sealed class ScimResourceSchema
{
    /// <summary>Creates a resource type definition.</summary>
    public ScimResourceSchema(
        string name,
        string endpoint,
        string description,
        ScimSchemaDefinition core,
        IReadOnlyList<ScimSchemaExtension> extensions,
        string uniqueAttribute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(extensions);
        Name = name;
        Endpoint = endpoint;
        Description = description;
        Core = core;
        Extensions = extensions;
        UniqueAttribute = uniqueAttribute;
    }

    /// <summary>Resource type name, e.g. <c>User</c>; also <c>meta.resourceType</c>.</summary>
    public string Name { get; }

    /// <summary>Endpoint relative to the base URL, e.g. <c>/Users</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Human-readable description.</summary>
    public string Description { get; }

    /// <summary>The core schema.</summary>
    public ScimSchemaDefinition Core { get; }

    /// <summary>Schema extensions.</summary>
    public IReadOnlyList<ScimSchemaExtension> Extensions { get; }

    /// <summary>
    /// The attribute this service keeps unique per tenant (<c>userName</c>, <c>displayName</c>): a create or rename
    /// to a name already held answers 409 uniqueness, and the directory is sharded by it.
    /// </summary>
    public string UniqueAttribute { get; }

    /// <summary>User with the enterprise extension.</summary>
    public static ScimResourceSchema User { get; } = new(
        "User",
        "/Users",
        "User Account",
        ScimSchemaDefinition.User,
        [new ScimSchemaExtension(ScimSchemaDefinition.EnterpriseUser)],
        "userName");

    /// <summary>Group.</summary>
    public static ScimResourceSchema Group { get; } = new(
        "Group",
        "/Groups",
        "Group",
        ScimSchemaDefinition.Group,
        [],
        "displayName");

    /// <summary>The resource type called <paramref name="name"/> (<c>User</c>, <c>Group</c>), as grain keys and <c>meta.resourceType</c> name it.</summary>
    /// <exception cref="ArgumentException">No such resource type.</exception>
    public static ScimResourceSchema Named(string name) =>
        name == User.Name ? User : name == Group.Name ? Group : throw new ArgumentException($"'{name}' is not a SCIM resource type of this service.", nameof(name));

    /// <summary>Finds an extension schema by URN, ignoring case.</summary>
    public ScimSchemaDefinition? FindExtension(string urn)
    {
        foreach (var extension in Extensions)
        {
            if (string.Equals(extension.Schema.Id, urn, StringComparison.OrdinalIgnoreCase))
            {
                return extension.Schema;
            }
        }

        return null;
    }

    /// <summary>Finds a top-level core or common attribute (<c>id</c>, <c>externalId</c>, <c>meta</c>).</summary>
    public ScimAttribute? FindCoreAttribute(string name)
    {
        var attribute = Core.FindAttribute(name);
        if (attribute is not null)
        {
            return attribute;
        }

        foreach (var common in CommonAttributes.All)
        {
            if (string.Equals(common.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return common;
            }
        }

        return null;
    }

    /// <summary>
    /// Resolves a path. Unqualified names are looked up in the core schema, then the common
    /// attributes, then the extensions (the legacy flattened shape, e.g. <c>manager eq "id"</c>).
    /// The pre-2018 Entra form <c>urn:...:2.0:User.department</c> resolves like the colon form.
    /// </summary>
    public ResolvedAttribute Resolve(ScimAttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.SchemaUrn is null)
        {
            var core = FindCoreAttribute(path.Name);
            if (core is not null)
            {
                return WithSub(null, core, path.SubAttribute);
            }

            foreach (var extension in Extensions)
            {
                var attribute = extension.Schema.FindAttribute(path.Name);
                if (attribute is not null)
                {
                    return WithSub(extension.Schema.Id, attribute, path.SubAttribute);
                }
            }

            return new ResolvedAttribute(null, null, null, path.Name, path.SubAttribute, false, false);
        }

        var whole = FindExtension(path.SchemaUrn + ":" + path.Name);
        if (whole is not null)
        {
            if (path.SubAttribute is null)
            {
                return new ResolvedAttribute(whole.Id, null, null, string.Empty, null, true, true);
            }

            var legacy = whole.FindAttribute(path.SubAttribute);
            return legacy is null
                ? new ResolvedAttribute(whole.Id, null, null, path.SubAttribute, null, false, false)
                : new ResolvedAttribute(whole.Id, legacy, null, legacy.Name, null, false, true);
        }

        if (string.Equals(path.SchemaUrn, Core.Id, StringComparison.OrdinalIgnoreCase))
        {
            var core = FindCoreAttribute(path.Name);
            return core is null
                ? new ResolvedAttribute(null, null, null, path.Name, path.SubAttribute, false, false)
                : WithSub(null, core, path.SubAttribute);
        }

        var schema = FindExtension(path.SchemaUrn);
        if (schema is not null)
        {
            var attribute = schema.FindAttribute(path.Name);
            return attribute is null
                ? new ResolvedAttribute(schema.Id, null, null, path.Name, path.SubAttribute, false, false)
                : WithSub(schema.Id, attribute, path.SubAttribute);
        }

        // An extension this server does not know (e.g. a customer's custom Entra extension).
        return new ResolvedAttribute(path.SchemaUrn, null, null, path.Name, path.SubAttribute, false, false);
    }

    /// <summary>Parses and resolves a path; null when the text is not a valid attribute path.</summary>
    public ResolvedAttribute? Resolve(string path) =>
        ScimAttributePath.TryParse(path, out var parsed) ? Resolve(parsed) : null;

    private static ResolvedAttribute WithSub(string? urn, ScimAttribute attribute, string? subName)
    {
        if (subName is null)
        {
            return new ResolvedAttribute(urn, attribute, null, attribute.Name, null, false, true);
        }

        var sub = attribute.FindSubAttribute(subName);
        return sub is null
            ? new ResolvedAttribute(urn, attribute, null, attribute.Name, subName, false, false)
            : new ResolvedAttribute(urn, attribute, sub, attribute.Name, sub.Name, false, true);
    }
}
