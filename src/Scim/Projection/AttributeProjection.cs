using System.Text.Json.Nodes;
using Total.Scim.Json;
using Total.Scim.Schema;

namespace Total.Scim.Projection;

/// <summary>
/// RFC 7644 §3.4.2.5 <c>attributes</c> / <c>excludedAttributes</c>, applied to an outgoing resource.
/// Names are comma-separated, case-insensitive, optionally URN-qualified and may name sub-attributes
/// (<c>name.givenName</c>). <c>id</c>, <c>schemas</c> and <c>meta.resourceType</c> are always returned;
/// attributes with returned=never (<c>password</c>) never are. Names that are not attribute paths, or
/// that the schema does not know, are ignored.
/// </summary>
public sealed class AttributeProjection
{
    private AttributeProjection(IReadOnlyList<ScimAttributePath> attributes, IReadOnlyList<ScimAttributePath> excludedAttributes)
    {
        Attributes = attributes;
        ExcludedAttributes = excludedAttributes;
    }

    /// <summary>No projection: every attribute except returned=never ones.</summary>
    public static AttributeProjection None { get; } = new([], []);

    /// <summary>Parsed <c>attributes</c>.</summary>
    public IReadOnlyList<ScimAttributePath> Attributes { get; }

    /// <summary>Parsed <c>excludedAttributes</c>.</summary>
    public IReadOnlyList<ScimAttributePath> ExcludedAttributes { get; }

    /// <summary>Neither <c>attributes</c> nor <c>excludedAttributes</c>: every attribute but returned=never ones.</summary>
    public bool IsNone => Attributes.Count == 0 && ExcludedAttributes.Count == 0;

    /// <summary>
    /// True when <see cref="Apply"/> would return a resource that has no returned=never attribute and no null value
    /// (every stored resource) unchanged: no <c>attributes</c>, and each excluded path is a whole core attribute the
    /// resource does not have (Entra's <c>excludedAttributes=members</c> on a group read without its members).
    /// </summary>
    /// <param name="has">Whether the resource has a top-level attribute of this name (compared case-insensitively).</param>
    public bool LeavesUnchanged(Func<string, bool> has)
    {
        ArgumentNullException.ThrowIfNull(has);
        return Attributes.Count == 0 && ExcludedAttributes.All(path => path is { SchemaUrn: null, SubAttribute: null } && !has(path.Name));
    }

    /// <summary>Parses the two query parameters (either may be null or empty).</summary>
    public static AttributeProjection Parse(string? attributes, string? excludedAttributes) =>
        new(ParseList(attributes), ParseList(excludedAttributes));

    /// <summary>Parses a comma-separated attribute list, skipping blanks and malformed names.</summary>
    public static IReadOnlyList<ScimAttributePath> ParseList(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return [];
        }

        var paths = new List<ScimAttributePath>();
        foreach (var item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ScimAttributePath.TryParse(item, out var path))
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>Returns a projected copy of the resource; the input is not modified.</summary>
    public JsonObject Apply(JsonObject resource, ScimResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(schema);
        var included = new AttributeSelection(Attributes, schema);
        var excluded = new AttributeSelection(ExcludedAttributes, schema);
        var result = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (value is null)
            {
                continue;
            }

            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                result[key] = value.DeepClone();
                continue;
            }

            var extension = schema.FindExtension(key);
            if (extension is not null)
            {
                if (value is JsonObject extensionObject && ProjectObject(extensionObject, extension.Id, extension.FindAttribute, included, excluded) is { Count: > 0 } projected)
                {
                    result[key] = projected;
                }

                continue;
            }

            var projectedValue = ProjectAttribute(null, key, schema.FindCoreAttribute(key), value, included, excluded);
            if (projectedValue is not null)
            {
                result[key] = projectedValue;
            }
        }

        return result;
    }

    private static JsonObject ProjectObject(JsonObject source, string urn, Func<string, ScimAttribute?> find, AttributeSelection included, AttributeSelection excluded)
    {
        var result = new JsonObject();
        if (excluded.NamesExtension(urn) || (!included.IsEmpty && !included.NamesExtension(urn) && !MentionsAny(source, urn, included)))
        {
            return result;
        }

        foreach (var (key, value) in source)
        {
            if (value is not null && ProjectAttribute(urn, key, find(key), value, included, excluded) is { } projected)
            {
                result[key] = projected;
            }
        }

        return result;
    }

    private static bool MentionsAny(JsonObject source, string urn, AttributeSelection included) =>
        source.Any(property => included.NamesWhole(urn, property.Key) || included.NamedSubAttributes(urn, property.Key) is not null);

    private static JsonNode? ProjectAttribute(string? urn, string name, ScimAttribute? definition, JsonNode value, AttributeSelection included, AttributeSelection excluded)
    {
        var canonical = definition?.Name ?? name;
        var returned = definition?.Returned ?? ScimReturned.Default;
        if (returned == ScimReturned.Never)
        {
            return null;
        }

        if (returned == ScimReturned.Always)
        {
            return value.DeepClone();
        }

        if (!included.IsEmpty)
        {
            if (included.NamesWhole(urn, canonical))
            {
                return value.DeepClone();
            }

            var named = included.NamedSubAttributes(urn, canonical);
            return KeepSubAttributes(value, definition, sub => (named?.Contains(sub.Name) ?? false) || sub.Returned == ScimReturned.Always);
        }

        if (returned == ScimReturned.Request || excluded.NamesWhole(urn, canonical))
        {
            // meta is excluded as a whole, yet meta.resourceType is returned=always.
            return KeepSubAttributes(value, definition, sub => sub.Returned == ScimReturned.Always);
        }

        var excludedSubs = excluded.NamedSubAttributes(urn, canonical);
        return excludedSubs is null
            ? value.DeepClone()
            : KeepSubAttributes(value, definition, sub => !excludedSubs.Contains(sub.Name) || sub.Returned == ScimReturned.Always, keepUnknown: true);
    }

    /// <summary>Keeps the chosen sub-attributes of a complex value (every element of a multi-valued one).</summary>
    private static JsonNode? KeepSubAttributes(JsonNode value, ScimAttribute? definition, Func<ScimAttribute, bool> keep, bool keepUnknown = false)
    {
        if (definition is not { IsComplex: true })
        {
            return null;
        }

        JsonObject? Project(JsonObject item)
        {
            var projected = new JsonObject();
            foreach (var (key, sub) in item)
            {
                var subDefinition = definition.FindSubAttribute(key);
                var wanted = subDefinition is null ? keepUnknown : subDefinition.Returned != ScimReturned.Never && keep(subDefinition);
                if (wanted && sub is not null)
                {
                    projected[key] = sub.DeepClone();
                }
            }

            return projected.Count == 0 ? null : projected;
        }

        if (value is JsonArray array)
        {
            var projectedArray = new JsonArray();
            foreach (var item in array.OfType<JsonObject>())
            {
                if (Project(item) is { } projected)
                {
                    projectedArray.Add(projected);
                }
            }

            return projectedArray.Count == 0 ? null : projectedArray;
        }

        return value is JsonObject obj ? Project(obj) : null;
    }
}
