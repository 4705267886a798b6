using Total.Scim.Schema;

namespace Total.Grains.Directory.Storage;

/// <summary>The kinds of SCIM resource stored; the numbers are stored in PostgreSQL, never renumber.</summary>
public enum ScimResourceType : short
{
    User = 1,
    Group = 2,
}

/// <summary>The one mapping between a stored kind and its SCIM resource type (schema, unique attribute, name).</summary>
public static class ScimResourceTypes
{
    public static ScimResourceSchema Schema(this ScimResourceType type) => type == ScimResourceType.Group ? ScimResourceSchema.Group : ScimResourceSchema.User;

    public static ScimResourceType Of(ScimResourceSchema schema) => schema == ScimResourceSchema.Group ? ScimResourceType.Group : ScimResourceType.User;
}
