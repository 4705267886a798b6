using System.Text.Json.Nodes;
using Total.Scim.Schema;

namespace Total.Grains.Directory;

/// <summary>
/// TOTAL never stores a password: write-only attributes (User <c>password</c>, which Okta sends as a
/// placeholder on create) are dropped before a resource is stored, so they are neither kept nor returned.
/// </summary>
public static class WriteOnlyAttributes
{
    public static JsonObject Drop(JsonObject resource, ScimResourceSchema schema)
    {
        foreach (var name in resource.Select(p => p.Key).ToList())
        {
            if (schema.FindCoreAttribute(name) is { Mutability: ScimMutability.WriteOnly })
            {
                resource.Remove(name);
            }
        }

        return resource;
    }
}
