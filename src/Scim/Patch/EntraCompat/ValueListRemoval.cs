using System.Text.Json.Nodes;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Scim.Patch.EntraCompat;

/// <summary>
/// Entra's default member removal is <c>remove</c> on the whole attribute <b>with a value list</b>:
/// <code>
/// {"op":"Remove","path":"members","value":[{"value":"u-91bc"}]}
/// </code>
/// The RFC reading ("remove the attribute") would empty the group — for an admin group that revokes
/// every admin on one removal (the bug Segment and others shipped). When a value is present, only the
/// listed values are removed, for <c>members</c> and any other multi-valued attribute. An empty list
/// removes nothing. Values are matched by their <c>value</c> sub-attribute using its caseExact.
/// </summary>
internal static class ValueListRemoval
{
    private const string ValueSubAttribute = "value";

    /// <summary>True when the remove carries a value list and must not remove the whole attribute.</summary>
    public static bool Applies(ScimAttribute attribute, JsonNode? value) => attribute.MultiValued && value is not null;

    public static void Remove(JsonObject container, ScimAttribute attribute, JsonNode valueList)
    {
        if (container.GetPropertyIgnoreCase(attribute.Name) is not JsonArray values)
        {
            return;
        }

        var listed = valueList is JsonArray array ? array.Where(item => item is not null).ToList() : [valueList];
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (listed.Any(item => SameValue(values[i], item, attribute)))
            {
                values.RemoveAt(i);
            }
        }

        if (values.Count == 0)
        {
            container.RemovePropertyIgnoreCase(attribute.Name);
        }
    }

    /// <summary>Two values are the same when their <c>value</c> sub-attributes are equal (or, lacking one, when deeply equal).</summary>
    public static bool SameValue(JsonNode? existing, JsonNode? candidate, ScimAttribute attribute)
    {
        var valueDefinition = attribute.FindSubAttribute(ValueSubAttribute);
        var existingKey = attribute.IsComplex && existing is JsonObject existingObject ? existingObject.GetPropertyIgnoreCase(ValueSubAttribute) : existing;
        var candidateKey = attribute.IsComplex && candidate is JsonObject candidateObject ? candidateObject.GetPropertyIgnoreCase(ValueSubAttribute) : candidate;
        if (attribute.IsComplex && (existingKey is null || candidateKey is null))
        {
            return JsonNode.DeepEquals(existing, candidate);
        }

        if (existingKey.TryGetString(out var left) && candidateKey.TryGetString(out var right))
        {
            var caseExact = (attribute.IsComplex ? valueDefinition?.CaseExact : attribute.CaseExact) ?? false;
            return string.Equals(left, right, caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
        }

        return JsonNode.DeepEquals(existingKey, candidateKey);
    }
}
