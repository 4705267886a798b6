namespace Total.Scim.Schema;

/// <summary>RFC 7643 §7 <c>uniqueness</c>.</summary>
public enum ScimUniqueness
{
    /// <summary>No uniqueness requirement.</summary>
    None,

    /// <summary>Unique within the service provider (tenant).</summary>
    Server,

    /// <summary>Globally unique.</summary>
    Global,
}
