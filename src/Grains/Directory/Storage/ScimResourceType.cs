namespace Total.Grains.Directory.Storage;

/// <summary>The kinds of SCIM resource stored; the numbers are stored in PostgreSQL, never renumber.</summary>
public enum ScimResourceType : short
{
    User = 1,
    Group = 2,
}
