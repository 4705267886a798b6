using System.Text.Json.Nodes;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Scim.Patch.EntraCompat;

/// <summary>
/// Entra re-sends membership adds (e.g. after a restart or when a cycle is replayed):
/// <code>
/// {"op":"Add","path":"members","value":[{"$ref":null,"value":"u-7f3a"}]}
/// </code>
/// Adding a value that is already present (same <c>value</c>) must not create a duplicate; its other
/// sub-attributes are updated instead. Applies to every multi-valued attribute. A newly added value
/// marked primary clears primary on the others (RFC 7644 §3.5.2.1).
/// </summary>
internal static class IdempotentMultiValuedAdd
{
    private const string Primary = "primary";

    public static void Add(JsonObject container, ScimAttribute attribute, JsonArray newValues)
    {
        var values = container.GetPropertyIgnoreCase(attribute.Name) as JsonArray;
        if (values is null)
        {
            values = [];
            container.SetCanonical(attribute.Name, values);
        }

        JsonObject? newPrimary = null;
        foreach (var item in newValues)
        {
            var existing = values.FirstOrDefault(value => ValueListRemoval.SameValue(value, item, attribute));
            JsonNode target;
            if (existing is null)
            {
                target = item!.DeepClone();
                values.Add(target);
            }
            else if (existing is JsonObject existingObject && item is JsonObject itemObject)
            {
                foreach (var (key, value) in itemObject)
                {
                    existingObject.SetCanonical(key, value?.DeepClone());
                }

                target = existingObject;
            }
            else
            {
                continue;
            }

            if (target is JsonObject added && added[Primary].TryGetBoolean(out var primary) && primary)
            {
                newPrimary = added;
            }
        }

        if (newPrimary is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (value is JsonObject other && !ReferenceEquals(other, newPrimary) && other[Primary].TryGetBoolean(out var primary) && primary)
            {
                other[Primary] = false;
            }
        }
    }
}
