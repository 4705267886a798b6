using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Json;
using Total.Scim.Patch.EntraCompat;

namespace Total.Scim.Schema;

/// <summary>
/// Turns an incoming POST/PUT body (or a PATCH result) into the canonical stored form.
/// <list type="bullet">
/// <item>Attribute names take their canonical case from the schema.</item>
/// <item>JSON <c>null</c> means "not supplied" and is dropped (Entra omits nulls; the legacy shape sends them).</item>
/// <item>Unknown attributes, sub-attributes and extension URNs are dropped without an error, because
/// Entra retries a failing object every cycle and customers add custom mappings we do not store.</item>
/// <item>Extension attributes are nested under their URN; the legacy flattened (<c>"department":"x"</c>),
/// URN-qualified (<c>"urn:...:User:department"</c>) and dotted (<c>"name.givenName"</c>) keys are accepted.</item>
/// <item>Booleans accept the strings "True"/"False" (see <see cref="StringBooleans"/>) and are stored as JSON booleans.</item>
/// <item>Client-sent readOnly attributes (<c>id</c>, <c>meta</c>, <c>groups</c>) are ignored; when an
/// existing resource is given, its readOnly attributes are carried over.</item>
/// <item><c>schemas</c> is recomputed: the core URN plus each extension that has data.</item>
/// <item>String values are kept exactly as sent (Entra compares them on the next cycle). Numbers and
/// booleans sent for a string attribute are stored as their JSON text rather than rejected.</item>
/// <item>In a multi-valued complex attribute at most one value may be <c>primary</c>: the last one
/// marked primary wins and earlier ones are set to false, matching RFC 7644 §3.5.2 ("the server SHALL
/// set primary to false for any existing values") rather than failing Entra's request.</item>
/// </list>
/// Wrong types (an object for a string, "maybe" for a boolean) are 400 invalidValue naming the attribute.
/// </summary>
public static class ScimResourceNormalizer
{
    private const string ValueSubAttribute = "value";
    private const string PrimarySubAttribute = "primary";

    /// <summary>Normalises a resource body.</summary>
    /// <param name="incoming">The client's JSON; never modified.</param>
    /// <param name="schema">The resource type.</param>
    /// <param name="existing">The stored resource whose readOnly attributes (id, meta, groups) are kept; null on create.</param>
    public static JsonObject Normalize(JsonObject incoming, ScimResourceSchema schema, JsonObject? existing = null)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(schema);

        var raw = new RawResource();
        foreach (var (key, value) in incoming)
        {
            Collect(raw, schema, key, value);
        }

        var result = new JsonObject { ["schemas"] = null };
        foreach (var attribute in OrderedCoreAttributes(schema))
        {
            JsonNode? value;
            if (attribute.Mutability == ScimMutability.ReadOnly)
            {
                value = existing?.GetPropertyIgnoreCase(attribute.Name)?.DeepClone();
            }
            else
            {
                raw.Get(null).TryGetValue(attribute, out var rawValue);
                value = NormalizeAttribute(attribute, rawValue, attribute.Name);
            }

            if (value is not null)
            {
                result[attribute.Name] = value;
            }
        }

        var schemas = new JsonArray(schema.Core.Id);
        foreach (var extension in schema.Extensions)
        {
            var values = raw.Get(extension.Schema.Id);
            var extensionObject = new JsonObject();
            foreach (var attribute in extension.Schema.Attributes)
            {
                if (attribute.Mutability != ScimMutability.ReadOnly && values.TryGetValue(attribute, out var rawValue))
                {
                    var value = NormalizeAttribute(attribute, rawValue, extension.Schema.Id + ":" + attribute.Name);
                    if (value is not null)
                    {
                        extensionObject[attribute.Name] = value;
                    }
                }
            }

            if (extensionObject.Count > 0)
            {
                result[extension.Schema.Id] = extensionObject;
                schemas.Add(extension.Schema.Id);
            }
        }

        var meta = existing?.GetPropertyIgnoreCase(CommonAttributes.Meta.Name);
        if (meta is not null)
        {
            result[CommonAttributes.Meta.Name] = meta.DeepClone();
        }

        result["schemas"] = schemas;
        return result;
    }

    /// <summary>
    /// Checks required attributes: User needs a non-empty <c>userName</c>, Group a non-empty
    /// <c>displayName</c>. Throws 400 invalidValue naming the attribute.
    /// </summary>
    public static void Validate(JsonObject resource, ScimResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(schema);
        ValidateRequired(resource, schema.Core.Attributes, string.Empty);
        foreach (var extension in schema.Extensions)
        {
            var extensionObject = resource.GetPropertyIgnoreCase(extension.Schema.Id) as JsonObject;
            if (extensionObject is null)
            {
                if (extension.Required)
                {
                    throw ScimException.InvalidValue($"Schema extension '{extension.Schema.Id}' is required.");
                }

                continue;
            }

            ValidateRequired(extensionObject, extension.Schema.Attributes, extension.Schema.Id + ":");
        }
    }

    /// <summary>
    /// Normalises the whole value of one attribute (an array for multi-valued attributes; a single
    /// value is wrapped). Returns null when nothing remains.
    /// </summary>
    public static JsonNode? NormalizeAttribute(ScimAttribute attribute, JsonNode? value, string path)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (value is null)
        {
            return null;
        }

        if (!attribute.MultiValued)
        {
            return NormalizeSingle(attribute, value, path);
        }

        var items = value as JsonArray ?? [value.DeepClone()];
        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var item = NormalizeSingle(attribute, items[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]");
            if (item is not null)
            {
                result.Add(item);
            }
        }

        KeepLastPrimary(result);
        return result;
    }

    /// <summary>
    /// Normalises one value: a simple value, a single-valued complex object, or one element of a
    /// multi-valued attribute. Returns null when nothing remains (null, or an empty object).
    /// </summary>
    public static JsonNode? NormalizeSingle(ScimAttribute attribute, JsonNode? value, string path)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (value is null)
        {
            return null;
        }

        return attribute.IsComplex ? NormalizeComplex(attribute, value, path) : NormalizeSimple(attribute, value, path);
    }

    /// <summary>Sets <c>primary</c> to false on every element except the last one marked primary.</summary>
    internal static void KeepLastPrimary(JsonArray elements)
    {
        var last = -1;
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is JsonObject element && element[PrimarySubAttribute].TryGetBoolean(out var primary) && primary)
            {
                last = i;
            }
        }

        for (var i = 0; i < last; i++)
        {
            if (elements[i] is JsonObject element && element[PrimarySubAttribute].TryGetBoolean(out var primary) && primary)
            {
                element[PrimarySubAttribute] = false;
            }
        }
    }

    private static IEnumerable<ScimAttribute> OrderedCoreAttributes(ScimResourceSchema schema)
    {
        yield return CommonAttributes.Id;
        yield return CommonAttributes.ExternalId;
        foreach (var attribute in schema.Core.Attributes)
        {
            yield return attribute;
        }
    }

    private static void Collect(RawResource raw, ScimResourceSchema schema, string key, JsonNode? value)
    {
        if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var extension = schema.FindExtension(key);
        if (extension is not null)
        {
            CollectExtensionObject(raw, extension, value);
            return;
        }

        if (!ScimAttributePath.TryParse(key, out var path))
        {
            return;
        }

        var resolved = schema.Resolve(path);
        if (resolved.IsExtensionRoot)
        {
            CollectExtensionObject(raw, schema.FindExtension(resolved.ExtensionUrn!)!, value);
            return;
        }

        if (!resolved.IsKnown || resolved.Attribute!.Mutability == ScimMutability.ReadOnly)
        {
            return;
        }

        raw.Put(resolved.ExtensionUrn, resolved.Attribute, resolved.SubAttribute, value);
    }

    private static void CollectExtensionObject(RawResource raw, ScimSchemaDefinition extension, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonObject extensionObject)
        {
            throw ScimException.InvalidValue($"Schema extension '{extension.Id}' must be a JSON object; got {value.Describe()}.");
        }

        foreach (var (key, item) in extensionObject)
        {
            if (!ScimAttributePath.TryParse(key, out var path) || path.SchemaUrn is not null)
            {
                continue;
            }

            var attribute = extension.FindAttribute(path.Name);
            if (attribute is null || attribute.Mutability == ScimMutability.ReadOnly)
            {
                continue;
            }

            ScimAttribute? sub = null;
            if (path.SubAttribute is not null)
            {
                sub = attribute.FindSubAttribute(path.SubAttribute);
                if (sub is null)
                {
                    continue;
                }
            }

            raw.Put(extension.Id, attribute, sub, item);
        }
    }

    private static JsonNode? NormalizeComplex(ScimAttribute attribute, JsonNode value, string path)
    {
        switch (value)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    var sub = attribute.FindSubAttribute(key);
                    if (sub is null || sub.Mutability == ScimMutability.ReadOnly)
                    {
                        continue;
                    }

                    var normalized = NormalizeSingle(sub, item, path + "." + sub.Name);
                    if (normalized is not null)
                    {
                        result[sub.Name] = normalized;
                    }
                }

                return result.Count == 0 ? null : result;

            // Legacy Entra sends the single-valued manager as a one-element array.
            case JsonArray array when !attribute.MultiValued:
                return array.Count switch
                {
                    0 => null,
                    1 => NormalizeComplex(attribute, array[0] ?? new JsonObject(), path),
                    _ => throw ScimException.InvalidValue($"Attribute '{path}' is single-valued; got an array with {array.Count.ToString(CultureInfo.InvariantCulture)} values."),
                };

            // Entra sends manager (and sometimes roles) as the bare id/value string.
            case JsonValue when value.Kind() == JsonValueKind.String && attribute.FindSubAttribute(ValueSubAttribute) is { } valueSub:
                return new JsonObject { [valueSub.Name] = value.DeepClone() };

            default:
                throw ScimException.InvalidValue($"Attribute '{path}' must be a JSON object; got {value.Describe()}.");
        }
    }

    private static JsonNode NormalizeSimple(ScimAttribute attribute, JsonNode value, string path)
    {
        var kind = value.Kind();
        switch (attribute.Type)
        {
            case ScimAttributeType.Boolean:
                if (StringBooleans.TryParse(value, out var flag))
                {
                    return JsonValue.Create(flag);
                }

                throw ScimException.InvalidValue(kind == JsonValueKind.String
                    ? $"Attribute '{path}' must be a boolean; got a string that is neither 'true' nor 'false'."
                    : $"Attribute '{path}' must be a boolean; got {value.Describe()}.");

            case ScimAttributeType.Integer:
                if (kind == JsonValueKind.Number && value.TryGetDecimal(out var whole) && decimal.Truncate(whole) == whole)
                {
                    return value.DeepClone();
                }

                if (value.TryGetString(out var integerText) && long.TryParse(integerText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedInteger))
                {
                    return JsonValue.Create(parsedInteger);
                }

                throw ScimException.InvalidValue($"Attribute '{path}' must be an integer; got {value.Describe()}.");

            case ScimAttributeType.Decimal:
                if (kind == JsonValueKind.Number)
                {
                    return value.DeepClone();
                }

                if (value.TryGetString(out var decimalText) && decimal.TryParse(decimalText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedDecimal))
                {
                    return JsonValue.Create(parsedDecimal);
                }

                throw ScimException.InvalidValue($"Attribute '{path}' must be a decimal number; got {value.Describe()}.");

            case ScimAttributeType.DateTime:
                if (value.TryGetString(out var dateText) && DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    return value.DeepClone();
                }

                throw ScimException.InvalidValue($"Attribute '{path}' must be an xsd:dateTime string such as 2026-11-01T08:00:00Z; got {value.Describe()}.");

            default:
                if (kind == JsonValueKind.String)
                {
                    return value.DeepClone();
                }

                if (kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(value.ToJsonString());
                }

                throw ScimException.InvalidValue($"Attribute '{path}' must be a string; got {value.Describe()}.");
        }
    }

    private static void ValidateRequired(JsonObject container, IReadOnlyList<ScimAttribute> attributes, string prefix)
    {
        foreach (var attribute in attributes)
        {
            if (!attribute.Required)
            {
                continue;
            }

            var value = container.GetPropertyIgnoreCase(attribute.Name);
            var missing = attribute.Type == ScimAttributeType.String
                ? !value.TryGetString(out var text) || string.IsNullOrWhiteSpace(text)
                : value is null || (value is JsonArray array && array.Count == 0);
            if (missing)
            {
                var expectation = attribute.Type == ScimAttributeType.String ? "a non-empty string" : "a value";
                throw ScimException.InvalidValue($"Attribute '{prefix}{attribute.Name}' is required and must be {expectation}.");
            }
        }
    }

    /// <summary>Incoming values grouped per schema before normalisation, so dotted and nested keys merge.</summary>
    private sealed class RawResource
    {
        private readonly Dictionary<string, Dictionary<ScimAttribute, JsonNode?>> _bySchema = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<ScimAttribute, JsonNode?> Get(string? extensionUrn)
        {
            var key = extensionUrn ?? string.Empty;
            if (!_bySchema.TryGetValue(key, out var values))
            {
                values = [];
                _bySchema[key] = values;
            }

            return values;
        }

        public void Put(string? extensionUrn, ScimAttribute attribute, ScimAttribute? sub, JsonNode? value)
        {
            var values = Get(extensionUrn);
            values.TryGetValue(attribute, out var existing);
            if (sub is not null)
            {
                if (attribute.MultiValued)
                {
                    // "emails.value" at the top level names no single element; there is nothing sensible to store.
                    return;
                }

                var target = existing is JsonObject existingObject ? (JsonObject)existingObject.DeepClone() : [];
                target.SetCanonical(sub.Name, value?.DeepClone());
                values[attribute] = target;
                return;
            }

            if (attribute.IsComplex && !attribute.MultiValued && existing is JsonObject previous && value is JsonObject next)
            {
                var merged = (JsonObject)previous.DeepClone();
                foreach (var (key, item) in next)
                {
                    merged.SetCanonical(key, item?.DeepClone());
                }

                values[attribute] = merged;
                return;
            }

            values[attribute] = value;
        }
    }
}
