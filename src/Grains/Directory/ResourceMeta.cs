using System.Text.Json.Nodes;
using Total.Scim.Messages;

namespace Total.Grains.Directory;

/// <summary>
/// The server-owned parts of a stored resource: <c>id</c> first and <c>meta</c> (resourceType, created,
/// lastModified, version). <c>meta.location</c> depends on the URL the client used, so the HTTP edge adds it.
/// </summary>
public static class ResourceMeta
{
    /// <summary>
    /// Stamps <paramref name="resource"/> in place, which the caller owns (a normalised resource nothing else holds):
    /// <c>id</c> becomes its first member and <c>meta</c> its last.
    /// </summary>
    public static JsonObject Stamp(JsonObject resource, string id, string resourceType, DateTimeOffset created, DateTimeOffset lastModified, long version)
    {
        resource.Remove("id");
        resource.Insert(0, "id", id);
        resource.Remove("meta");
        resource["meta"] = new JsonObject
        {
            ["resourceType"] = resourceType,
            ["created"] = ScimMeta.Format(created),
            ["lastModified"] = ScimMeta.Format(lastModified),
            ["version"] = ScimETag.FromVersion(version),
        };
        return resource;
    }

    public static DateTimeOffset Created(JsonObject stored) =>
        DateTimeOffset.Parse((string)stored["meta"]!["created"]!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when two resources differ in anything but their meta (so a no-op PATCH writes nothing).</summary>
    public static bool ContentDiffers(JsonObject a, JsonObject b)
    {
        var compared = 0;
        foreach (var (name, value) in a)
        {
            if (name == Meta)
            {
                continue;
            }

            if (!b.TryGetPropertyValue(name, out var other) || !JsonNode.DeepEquals(value, other))
            {
                return true;
            }

            compared++;
        }

        return compared != b.Count - (b.ContainsKey(Meta) ? 1 : 0);
    }

    private const string Meta = "meta";
}
