namespace Total.Scim.Schema;

/// <summary>The RFC 7643 §4.2 core Group attributes.</summary>
internal static class GroupSchemaAttributes
{
    public static ScimSchemaDefinition Create() => new(
        ScimSchemas.Group,
        "Group",
        "Group",
        [
            new ScimAttribute("displayName")
            {
                Description = "A human-readable name for the Group.",
                Required = true,
            },
            new ScimAttribute("members", ScimAttributeType.Complex)
            {
                Description = "A list of members of the Group.",
                MultiValued = true,
                SubAttributes =
                [
                    // Member values are resource ids, which are case-exact (RFC 7643 §3.1), whatever §8.7.1 lists.
                    new ScimAttribute("value") { Description = "Identifier of the member.", Mutability = ScimMutability.Immutable, CaseExact = true },
                    new ScimAttribute("$ref", ScimAttributeType.Reference)
                    {
                        Description = "The URI of the member resource.",
                        Mutability = ScimMutability.Immutable,
                        ReferenceTypes = ["User", "Group"],
                    },
                    new ScimAttribute("display") { Description = "A human-readable name of the member." },
                    new ScimAttribute("type")
                    {
                        Description = "The type of the member.",
                        Mutability = ScimMutability.Immutable,
                        CanonicalValues = ["User", "Group"],
                    },
                ],
            },
        ]);
}
