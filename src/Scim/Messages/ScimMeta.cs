using System.Globalization;
using System.Text.Json.Nodes;
using Total.Scim.Schema;

namespace Total.Scim.Messages;

/// <summary>Builds the RFC 7643 §3.1 <c>meta</c> object the server owns.</summary>
public static class ScimMeta
{
    /// <summary>Creates <c>meta</c> with resourceType, created, lastModified, location and version.</summary>
    /// <param name="schema">The resource type.</param>
    /// <param name="baseUrl">The SCIM base URL, e.g. <c>https://api.vendor.example/scim/v2</c>.</param>
    /// <param name="id">The resource id.</param>
    /// <param name="created">Creation instant.</param>
    /// <param name="lastModified">Last modification instant.</param>
    /// <param name="version">Monotonic resource version.</param>
    public static JsonObject Create(ScimResourceSchema schema, string baseUrl, string id, DateTimeOffset created, DateTimeOffset lastModified, long version)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new JsonObject
        {
            ["resourceType"] = schema.Name,
            ["created"] = Format(created),
            ["lastModified"] = Format(lastModified),
            ["location"] = Location(schema, baseUrl, id),
            ["version"] = ScimETag.FromVersion(version),
        };
    }

    /// <summary>The resource URL, <c>{baseUrl}/Users/{id}</c>.</summary>
    public static string Location(ScimResourceSchema schema, string baseUrl, string id)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.TrimEnd('/') + schema.Endpoint + "/" + Uri.EscapeDataString(id);
    }

    /// <summary>xsd:dateTime in UTC with a <c>Z</c> suffix.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
