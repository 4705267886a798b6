namespace Total.Scim.Schema;

/// <summary>
/// RFC 7643 §3.1 attributes every resource has (<c>id</c>, <c>externalId</c>, <c>meta</c>). They belong to
/// no schema URN, but filters, projection and PATCH need their characteristics (id is case-exact and
/// always returned; meta is readOnly).
/// </summary>
public static class CommonAttributes
{
    /// <summary>Server-assigned identifier.</summary>
    public static ScimAttribute Id { get; } = new("id")
    {
        Description = "Unique identifier for the resource, assigned by the service provider.",
        CaseExact = true,
        Mutability = ScimMutability.ReadOnly,
        Returned = ScimReturned.Always,
        Uniqueness = ScimUniqueness.Server,
    };

    /// <summary>Client-owned identifier (Entra sends the object id here).</summary>
    public static ScimAttribute ExternalId { get; } = new("externalId")
    {
        Description = "Identifier of the resource as defined by the provisioning client.",
        CaseExact = true,
    };

    /// <summary>Resource metadata.</summary>
    public static ScimAttribute Meta { get; } = new("meta", ScimAttributeType.Complex)
    {
        Description = "Resource metadata maintained by the service provider.",
        Mutability = ScimMutability.ReadOnly,
        SubAttributes =
        [
            new ScimAttribute("resourceType") { Mutability = ScimMutability.ReadOnly, CaseExact = true, Returned = ScimReturned.Always },
            new ScimAttribute("created", ScimAttributeType.DateTime) { Mutability = ScimMutability.ReadOnly },
            new ScimAttribute("lastModified", ScimAttributeType.DateTime) { Mutability = ScimMutability.ReadOnly },
            new ScimAttribute("location", ScimAttributeType.Reference) { Mutability = ScimMutability.ReadOnly, CaseExact = true },
            new ScimAttribute("version") { Mutability = ScimMutability.ReadOnly, CaseExact = true },
        ],
    };

    /// <summary>The common attributes in output order.</summary>
    public static IReadOnlyList<ScimAttribute> All { get; } = [Id, ExternalId, Meta];
}
