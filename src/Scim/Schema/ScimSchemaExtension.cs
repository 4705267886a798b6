namespace Total.Scim.Schema;

/// <summary>A schema extension attached to a resource type (RFC 7643 §6 <c>schemaExtensions</c>).</summary>
/// <param name="Schema">The extension schema.</param>
/// <param name="Required">True when every resource must carry the extension.</param>
public sealed record ScimSchemaExtension(ScimSchemaDefinition Schema, bool Required = false);
