namespace Total.Scim.Schema;

/// <summary>RFC 7643 §7 <c>mutability</c>.</summary>
public enum ScimMutability
{
    /// <summary>Clients may read and write the attribute.</summary>
    ReadWrite,

    /// <summary>Only the server sets the attribute; client values are ignored or rejected.</summary>
    ReadOnly,

    /// <summary>May be set once (on creation) and not changed afterwards.</summary>
    Immutable,

    /// <summary>May be written but is never returned.</summary>
    WriteOnly,
}
