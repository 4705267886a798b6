using System.Text.Json.Nodes;
using Total.Scim.Messages;

namespace Total.Scim.Schema;

/// <summary>
/// The RFC 7644 §4 discovery documents: <c>/ServiceProviderConfig</c>, <c>/ResourceTypes</c> and
/// <c>/Schemas</c> (the collections as ListResponses). Values are camelCase RFC keywords and nulls are
/// never emitted, as Entra's gallery validation expects.
/// </summary>
public static class ScimDiscovery
{
    /// <summary>The resource types served: User (with the enterprise extension) and Group.</summary>
    public static IReadOnlyList<ScimResourceSchema> ResourceTypes { get; } = [ScimResourceSchema.User, ScimResourceSchema.Group];

    /// <summary>The <c>/ServiceProviderConfig</c> document.</summary>
    public static JsonObject ServiceProviderConfig(string baseUrl, ScimServiceProviderCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(capabilities);
        var document = new JsonObject { ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig) };
        if (capabilities.DocumentationUri is not null)
        {
            document["documentationUri"] = capabilities.DocumentationUri.ToString();
        }

        document["patch"] = Supported(capabilities.PatchSupported);
        document["bulk"] = new JsonObject { ["supported"] = capabilities.BulkSupported, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 };
        document["filter"] = new JsonObject { ["supported"] = capabilities.FilterSupported, ["maxResults"] = capabilities.MaxResults };
        document["changePassword"] = Supported(capabilities.ChangePasswordSupported);
        document["sort"] = Supported(capabilities.SortSupported);
        document["etag"] = Supported(capabilities.ETagSupported);
        document["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "OAuth Bearer Token",
            ["description"] = "Authentication with the long-lived bearer token issued for the tenant's provisioning connection.",
            ["specUri"] = "https://www.rfc-editor.org/info/rfc6750",
            ["primary"] = true,
        });
        document["meta"] = new JsonObject
        {
            ["resourceType"] = "ServiceProviderConfig",
            ["location"] = Trim(baseUrl) + "/ServiceProviderConfig",
        };
        return document;
    }

    /// <summary>The <c>/ResourceTypes</c> ListResponse.</summary>
    public static JsonObject ResourceTypeList(string baseUrl) =>
        ScimListResponse.Create(ResourceTypes.Select(type => ResourceType(baseUrl, type)).ToList(), ResourceTypes.Count, 1);

    /// <summary>One <c>/ResourceTypes/{name}</c> document.</summary>
    public static JsonObject ResourceType(string baseUrl, ScimResourceSchema resourceType)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(resourceType);
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = resourceType.Name,
            ["name"] = resourceType.Name,
            ["endpoint"] = resourceType.Endpoint,
            ["description"] = resourceType.Description,
            ["schema"] = resourceType.Core.Id,
        };
        if (resourceType.Extensions.Count > 0)
        {
            var extensions = new JsonArray();
            foreach (var extension in resourceType.Extensions)
            {
                extensions.Add(new JsonObject { ["schema"] = extension.Schema.Id, ["required"] = extension.Required });
            }

            document["schemaExtensions"] = extensions;
        }

        document["meta"] = new JsonObject
        {
            ["resourceType"] = "ResourceType",
            ["location"] = Trim(baseUrl) + "/ResourceTypes/" + resourceType.Name,
        };
        return document;
    }

    /// <summary>The <c>/Schemas</c> ListResponse: core User, enterprise User, Group.</summary>
    public static JsonObject SchemaList(string baseUrl)
    {
        var schemas = AllSchemas().Select(schema => Schema(baseUrl, schema)).ToList();
        return ScimListResponse.Create(schemas, schemas.Count, 1);
    }

    /// <summary>Finds a schema served under <c>/Schemas/{id}</c>, ignoring case.</summary>
    public static ScimSchemaDefinition? FindSchema(string id) =>
        AllSchemas().FirstOrDefault(schema => string.Equals(schema.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>One <c>/Schemas/{urn}</c> document.</summary>
    public static JsonObject Schema(string baseUrl, ScimSchemaDefinition schema)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(schema);
        var attributes = new JsonArray();
        foreach (var attribute in schema.Attributes)
        {
            attributes.Add(Attribute(attribute));
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Schema),
            ["id"] = schema.Id,
            ["name"] = schema.Name,
            ["description"] = schema.Description,
            ["attributes"] = attributes,
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "Schema",
                ["location"] = Trim(baseUrl) + "/Schemas/" + schema.Id,
            },
        };
    }

    private static IEnumerable<ScimSchemaDefinition> AllSchemas() =>
        ResourceTypes.SelectMany(type => type.Extensions.Select(extension => extension.Schema).Prepend(type.Core));

    private static JsonObject Attribute(ScimAttribute attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = TypeName(attribute.Type),
            ["multiValued"] = attribute.MultiValued,
        };
        if (attribute.Description is not null)
        {
            json["description"] = attribute.Description;
        }

        json["required"] = attribute.Required;
        if (attribute.CanonicalValues.Count > 0)
        {
            json["canonicalValues"] = new JsonArray(attribute.CanonicalValues.Select(value => (JsonNode?)value).ToArray());
        }

        if (attribute.Type != ScimAttributeType.Complex)
        {
            json["caseExact"] = attribute.CaseExact;
        }

        json["mutability"] = attribute.Mutability switch
        {
            ScimMutability.ReadOnly => "readOnly",
            ScimMutability.Immutable => "immutable",
            ScimMutability.WriteOnly => "writeOnly",
            _ => "readWrite",
        };
        json["returned"] = attribute.Returned switch
        {
            ScimReturned.Always => "always",
            ScimReturned.Never => "never",
            ScimReturned.Request => "request",
            _ => "default",
        };
        json["uniqueness"] = attribute.Uniqueness switch
        {
            ScimUniqueness.Server => "server",
            ScimUniqueness.Global => "global",
            _ => "none",
        };
        if (attribute.ReferenceTypes.Count > 0)
        {
            json["referenceTypes"] = new JsonArray(attribute.ReferenceTypes.Select(value => (JsonNode?)value).ToArray());
        }

        if (attribute.SubAttributes.Count > 0)
        {
            json["subAttributes"] = new JsonArray(attribute.SubAttributes.Select(sub => (JsonNode?)Attribute(sub)).ToArray());
        }

        return json;
    }

    private static string TypeName(ScimAttributeType type) => type switch
    {
        ScimAttributeType.Boolean => "boolean",
        ScimAttributeType.Decimal => "decimal",
        ScimAttributeType.Integer => "integer",
        ScimAttributeType.DateTime => "dateTime",
        ScimAttributeType.Reference => "reference",
        ScimAttributeType.Complex => "complex",
        ScimAttributeType.Binary => "binary",
        _ => "string",
    };

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };

    private static string Trim(string baseUrl) => baseUrl.TrimEnd('/');
}
