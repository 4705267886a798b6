using System.Text.Json.Nodes;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Scim.Filter;

/// <summary>
/// Where a path points inside a resource (or inside one value of a multi-valued attribute) and
/// which definitions type it. Shared by the filter evaluator, PATCH value filters and sorting.
/// </summary>
internal readonly record struct AttributeLocation(
    JsonNode? Node,
    ScimAttribute? Attribute,
    string? SubName,
    ScimAttribute? SubAttribute,
    string DisplayPath)
{
    private const string ValueSubAttribute = "value";

    /// <summary>True when a complex attribute is compared as a whole and has no <c>value</c> to stand in for it.</summary>
    public bool IsComplexWithoutValue =>
        SubName is null && Attribute is { IsComplex: true } attribute && attribute.FindSubAttribute(ValueSubAttribute) is null;

    /// <summary>
    /// The definition of the compared values: the sub-attribute, or for a complex attribute compared
    /// as a whole its <c>value</c> sub-attribute (so <c>members eq "id"</c> means <c>members.value eq "id"</c>).
    /// </summary>
    public ScimAttribute? ComparableDefinition => SubName is not null
        ? SubAttribute
        : Attribute is { IsComplex: true } complex ? complex.FindSubAttribute(ValueSubAttribute) : Attribute;

    public static AttributeLocation InResource(JsonObject resource, ScimResourceSchema schema, ScimAttributePath path)
    {
        var resolved = schema.Resolve(path);
        if (resolved.IsExtensionRoot)
        {
            return new AttributeLocation(resource.GetPropertyIgnoreCase(resolved.ExtensionUrn!), null, null, null, resolved.CanonicalPath);
        }

        var node = resolved.FindContainer(resource)?.GetPropertyIgnoreCase(resolved.AttributeName);
        return new AttributeLocation(node, resolved.Attribute, resolved.SubAttributeName, resolved.SubAttribute, resolved.CanonicalPath);
    }

    public static AttributeLocation InElement(JsonObject element, ScimAttribute? parent, string parentPath, ScimAttributePath path)
    {
        var definition = parent?.FindSubAttribute(path.Name);
        var name = definition?.Name ?? path.Name;
        return new AttributeLocation(element.GetPropertyIgnoreCase(path.Name), definition, path.SubAttribute, null, parentPath + "." + name);
    }

    /// <summary>The values compared by a filter: every value of a multi-valued attribute, sub-attribute values, or complex <c>value</c>s.</summary>
    public IEnumerable<JsonNode> ComparableNodes()
    {
        foreach (var item in Items(Node))
        {
            if (item is JsonObject obj)
            {
                foreach (var value in Items(obj.GetPropertyIgnoreCase(SubName ?? ValueSubAttribute)))
                {
                    yield return value;
                }
            }
            else if (SubName is null)
            {
                yield return item;
            }
        }
    }

    public static IEnumerable<JsonNode> Items(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    yield return item;
                }
            }
        }
        else if (node is not null)
        {
            yield return node;
        }
    }
}
