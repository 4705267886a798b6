using System.Text.Json.Nodes;
using Total.Scim.Messages;

namespace Total.Grains.Directory;

/// <summary>
/// The server-owned parts of a stored resource: <c>id</c> first and <c>meta</c> (resourceType, created,
/// lastModified, version). <c>meta.location</c> depends on the URL the client used, so the HTTP edge adds it.
/// </summary>
public static class ResourceMeta
{
    public static JsonObject Stamp(JsonObject normalized, string id, string resourceType, DateTimeOffset created, DateTimeOffset lastModified, long version)
    {
        var stamped = new JsonObject { ["id"] = id };
        foreach (var (key, value) in normalized)
        {
            if (key is not ("id" or "meta"))
            {
                stamped[key] = value?.DeepClone();
            }
        }

        stamped["meta"] = new JsonObject
        {
            ["resourceType"] = resourceType,
            ["created"] = ScimMeta.Format(created),
            ["lastModified"] = ScimMeta.Format(lastModified),
            ["version"] = ScimETag.FromVersion(version),
        };
        return stamped;
    }

    public static DateTimeOffset Created(JsonObject stored) =>
        DateTimeOffset.Parse((string)stored["meta"]!["created"]!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when two resources differ in anything but their meta (so a no-op PATCH writes nothing).</summary>
    public static bool ContentDiffers(JsonObject a, JsonObject b)
    {
        var left = a.DeepClone().AsObject();
        var right = b.DeepClone().AsObject();
        left.Remove("meta");
        right.Remove("meta");
        return !JsonNode.DeepEquals(left, right);
    }
}
