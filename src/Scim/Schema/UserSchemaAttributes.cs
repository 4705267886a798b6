namespace Total.Scim.Schema;

/// <summary>The RFC 7643 §4.1 / §8.7.1 core User attribute set.</summary>
internal static class UserSchemaAttributes
{
    public static ScimSchemaDefinition Create() => new(
        ScimSchemas.User,
        "User",
        "User Account",
        [
            new ScimAttribute("userName")
            {
                Description = "Unique identifier for the User, typically the sign-in name.",
                Required = true,
                Uniqueness = ScimUniqueness.Server,
            },
            new ScimAttribute("name", ScimAttributeType.Complex)
            {
                Description = "The components of the user's real name.",
                SubAttributes =
                [
                    new ScimAttribute("formatted") { Description = "The full name, formatted for display." },
                    new ScimAttribute("familyName") { Description = "The family name (last name)." },
                    new ScimAttribute("givenName") { Description = "The given name (first name)." },
                    new ScimAttribute("middleName") { Description = "The middle name(s)." },
                    new ScimAttribute("honorificPrefix") { Description = "Honorific prefix, e.g. 'Ms.'." },
                    new ScimAttribute("honorificSuffix") { Description = "Honorific suffix, e.g. 'III'." },
                ],
            },
            Text("displayName", "The name of the User, suitable for display."),
            Text("nickName", "The casual way to address the user."),
            new ScimAttribute("profileUrl", ScimAttributeType.Reference)
            {
                Description = "A URI pointing to the user's online profile.",
                ReferenceTypes = ["external"],
            },
            Text("title", "The user's title, such as 'Vice President'."),
            Text("userType", "The relationship between the organization and the user."),
            Text("preferredLanguage", "Preferred written or spoken language (RFC 7231 Accept-Language)."),
            Text("locale", "Default location for localizing, e.g. 'en-US'."),
            Text("timezone", "Time zone in IANA format, e.g. 'Europe/Paris'."),
            new ScimAttribute("active", ScimAttributeType.Boolean) { Description = "The user's administrative status." },
            new ScimAttribute("password")
            {
                Description = "The user's cleartext password; never returned.",
                Mutability = ScimMutability.WriteOnly,
                Returned = ScimReturned.Never,
            },
            MultiValued("emails", "Email addresses for the user.", ["work", "home", "other"]),
            MultiValued("phoneNumbers", "Phone numbers for the user.", ["work", "home", "mobile", "fax", "pager", "other"]),
            MultiValued("ims", "Instant messaging addresses for the user.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            new ScimAttribute("photos", ScimAttributeType.Complex)
            {
                Description = "URLs of photos of the user.",
                MultiValued = true,
                SubAttributes =
                [
                    new ScimAttribute("value", ScimAttributeType.Reference) { Description = "URL of a photo.", ReferenceTypes = ["external"] },
                    Text("display", "A human-readable name."),
                    new ScimAttribute("type") { Description = "'photo' or 'thumbnail'.", CanonicalValues = ["photo", "thumbnail"] },
                    Primary(),
                ],
            },
            new ScimAttribute("addresses", ScimAttributeType.Complex)
            {
                Description = "Physical mailing addresses for the user.",
                MultiValued = true,
                SubAttributes =
                [
                    Text("formatted", "The full mailing address, formatted for display."),
                    Text("streetAddress", "The full street address component."),
                    Text("locality", "The city or locality component."),
                    Text("region", "The state or region component."),
                    Text("postalCode", "The zip code or postal code component."),
                    Text("country", "The country name component (ISO 3166-1 alpha-2)."),
                    new ScimAttribute("type") { Description = "A label indicating the address's function.", CanonicalValues = ["work", "home", "other"] },
                    Primary(),
                ],
            },
            new ScimAttribute("groups", ScimAttributeType.Complex)
            {
                Description = "Groups the user belongs to; maintained by the server.",
                MultiValued = true,
                Mutability = ScimMutability.ReadOnly,
                SubAttributes =
                [
                    new ScimAttribute("value") { Description = "The group's id.", Mutability = ScimMutability.ReadOnly, CaseExact = true },
                    new ScimAttribute("$ref", ScimAttributeType.Reference)
                    {
                        Description = "The URI of the Group.",
                        Mutability = ScimMutability.ReadOnly,
                        ReferenceTypes = ["User", "Group"],
                    },
                    new ScimAttribute("display") { Description = "A human-readable name.", Mutability = ScimMutability.ReadOnly },
                    new ScimAttribute("type")
                    {
                        Description = "'direct' or 'indirect' membership.",
                        Mutability = ScimMutability.ReadOnly,
                        CanonicalValues = ["direct", "indirect"],
                    },
                ],
            },
            MultiValued("entitlements", "Entitlements for the user.", []),
            MultiValued("roles", "Roles for the user.", []),
            new ScimAttribute("x509Certificates", ScimAttributeType.Complex)
            {
                Description = "DER-encoded X.509 certificates issued to the user.",
                MultiValued = true,
                SubAttributes =
                [
                    new ScimAttribute("value", ScimAttributeType.Binary) { Description = "The certificate (base64)." },
                    Text("display", "A human-readable name."),
                    Text("type", "A label indicating the certificate's function."),
                    Primary(),
                ],
            },
        ]);

    private static ScimAttribute Text(string name, string description) => new(name) { Description = description };

    private static ScimAttribute Primary() => new("primary", ScimAttributeType.Boolean)
    {
        Description = "Marks the preferred value; at most one value may be primary.",
    };

    // emails, phoneNumbers, ims, entitlements and roles share the value/display/type/primary shape.
    private static ScimAttribute MultiValued(string name, string description, IReadOnlyList<string> types) =>
        new(name, ScimAttributeType.Complex)
        {
            Description = description,
            MultiValued = true,
            SubAttributes =
            [
                Text("value", "The value."),
                Text("display", "A human-readable name."),
                new ScimAttribute("type") { Description = "A label indicating the value's function.", CanonicalValues = types },
                Primary(),
            ],
        };
}
