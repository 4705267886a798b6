namespace Total.Scim.Schema;

/// <summary>The RFC 7643 §4.3 enterprise User extension attributes.</summary>
internal static class EnterpriseUserSchemaAttributes
{
    public static ScimSchemaDefinition Create() => new(
        ScimSchemas.EnterpriseUser,
        "EnterpriseUser",
        "Enterprise User",
        [
            new ScimAttribute("employeeNumber") { Description = "Numeric or alphanumeric identifier assigned by the organization." },
            new ScimAttribute("costCenter") { Description = "Name of a cost center." },
            new ScimAttribute("organization") { Description = "Name of an organization." },
            new ScimAttribute("division") { Description = "Name of a division." },
            new ScimAttribute("department") { Description = "Name of a department." },
            new ScimAttribute("manager", ScimAttributeType.Complex)
            {
                Description = "The user's manager.",
                SubAttributes =
                [
                    // A resource id, so case-exact like id itself.
                    new ScimAttribute("value") { Description = "The id of the manager's User resource.", CaseExact = true },
                    new ScimAttribute("$ref", ScimAttributeType.Reference)
                    {
                        Description = "The URI of the manager's User resource.",
                        ReferenceTypes = ["User"],
                    },
                    new ScimAttribute("displayName")
                    {
                        Description = "The manager's displayName; set by the server.",
                        Mutability = ScimMutability.ReadOnly,
                    },
                ],
            },
        ]);
}
