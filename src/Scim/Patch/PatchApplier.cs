using System.Globalization;
using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Filter;
using Total.Scim.Json;
using Total.Scim.Patch.EntraCompat;
using Total.Scim.Schema;

namespace Total.Scim.Patch;

/// <summary>
/// Applies PATCH operations (RFC 7644 §3.5.2) to a copy of a resource, then re-normalises and
/// validates the result. Any failure throws before the caller sees anything, so a request is atomic.
/// Operations on attributes the schema does not know are ignored, like unknown attributes on POST.
/// </summary>
internal sealed class PatchApplier(ScimResourceSchema schema)
{
    private const string Primary = "primary";

    public JsonObject Apply(JsonObject original, IEnumerable<(int Index, PatchOperation Operation)> operations)
    {
        var work = (JsonObject)original.DeepClone();
        foreach (var (index, operation) in operations)
        {
            try
            {
                ApplyOperation(work, operation);
            }
            catch (ScimException error)
            {
                throw ForOperation(index, operation, error);
            }
        }

        var result = ScimResourceNormalizer.Normalize(work, schema, original);
        ScimResourceNormalizer.Validate(result, schema);
        return result;
    }

    internal static ScimException ForOperation(int index, PatchOperation operation, ScimException error) =>
        new(error.Status, error.ScimType, $"Operations[{index.ToString(CultureInfo.InvariantCulture)}] ({operation.Describe()}): {error.Detail}");

    private void ApplyOperation(JsonObject work, PatchOperation operation)
    {
        if (operation.Path is null)
        {
            if (operation.Op == PatchOperationType.Remove)
            {
                throw ScimException.NoTarget("'remove' needs a path naming what to remove.");
            }

            foreach (var (path, value) in DottedKeyNoPathOperation.Expand(operation))
            {
                ApplyPath(work, operation.Op, path, value, fromNoPath: true);
            }

            return;
        }

        ApplyPath(work, operation.Op, PatchPath.Parse(operation.Path), operation.Value, fromNoPath: false);
    }

    private void ApplyPath(JsonObject work, PatchOperationType op, PatchPath path, JsonNode? value, bool fromNoPath)
    {
        var resolved = schema.Resolve(path.Attribute);
        if (resolved.IsExtensionRoot)
        {
            ApplyExtension(work, op, path, resolved.ExtensionUrn!, value, fromNoPath);
            return;
        }

        if (!resolved.IsKnown)
        {
            return;
        }

        var attribute = resolved.Attribute!;
        var sub = resolved.SubAttribute;
        if (path.SubAttribute is not null)
        {
            sub = attribute.FindSubAttribute(path.SubAttribute);
            if (sub is null)
            {
                return;
            }
        }

        var displayPath = resolved.CanonicalPath + (path.SubAttribute is null ? string.Empty : "." + sub!.Name);
        if (attribute.Mutability == ScimMutability.ReadOnly || sub?.Mutability == ScimMutability.ReadOnly)
        {
            if (fromNoPath && op != PatchOperationType.Remove && JsonNode.DeepEquals(resolved.FindContainer(work)?.GetPropertyIgnoreCase(attribute.Name), value))
            {
                return; // a client echoing the resource back is not trying to change it
            }

            throw ScimException.Mutability($"Attribute '{displayPath}' is readOnly and cannot be changed.");
        }

        var container = op == PatchOperationType.Remove ? resolved.FindContainer(work) : resolved.GetOrCreateContainer(work);
        if (container is null)
        {
            return;
        }

        if (path.ValueFilter is not null)
        {
            if (!attribute.MultiValued || !attribute.IsComplex)
            {
                throw ScimException.InvalidPath($"A value filter can only select values of a multi-valued complex attribute; '{resolved.CanonicalPath}' is not one.");
            }

            ApplyFiltered(container, attribute, path.ValueFilter, sub, op, value, resolved.CanonicalPath);
        }
        else if (sub is not null)
        {
            ApplySubAttribute(container, attribute, sub, op, value, displayPath);
        }
        else
        {
            ApplyAttribute(container, attribute, op, value, displayPath);
        }
    }

    private void ApplyExtension(JsonObject work, PatchOperationType op, PatchPath path, string urn, JsonNode? value, bool fromNoPath)
    {
        if (path.ValueFilter is not null || path.SubAttribute is not null)
        {
            throw ScimException.InvalidPath($"The extension '{urn}' cannot take a value filter; name one of its attributes instead.");
        }

        if (op == PatchOperationType.Remove)
        {
            work.RemovePropertyIgnoreCase(urn);
            return;
        }

        if (value is null)
        {
            return;
        }

        if (value is not JsonObject attributes)
        {
            throw ScimException.InvalidValue($"The value for extension '{urn}' must be an object of its attributes; got {value.Describe()}.");
        }

        foreach (var (key, item) in attributes)
        {
            if (ScimAttributePath.TryParse(key, out var local) && local.SchemaUrn is null)
            {
                ApplyPath(work, op, new PatchPath(new ScimAttributePath(urn, local.Name, local.SubAttribute)), item, fromNoPath);
            }
        }
    }

    private static void ApplyAttribute(JsonObject container, ScimAttribute attribute, PatchOperationType op, JsonNode? value, string displayPath)
    {
        if (op == PatchOperationType.Remove)
        {
            if (ValueListRemoval.Applies(attribute, value))
            {
                ValueListRemoval.Remove(container, attribute, value!);
            }
            else
            {
                container.RemovePropertyIgnoreCase(attribute.Name);
            }

            return;
        }

        if (attribute.MultiValued)
        {
            var values = ScimResourceNormalizer.NormalizeAttribute(attribute, value, displayPath) as JsonArray;
            if (op == PatchOperationType.Add)
            {
                if (values is not null)
                {
                    IdempotentMultiValuedAdd.Add(container, attribute, values);
                }
            }
            else
            {
                SetOrRemove(container, attribute.Name, values);
            }

            return;
        }

        var normalized = ScimResourceNormalizer.NormalizeSingle(attribute, value, displayPath);
        if (attribute.IsComplex && normalized is JsonObject next && container.GetPropertyIgnoreCase(attribute.Name) is JsonObject current)
        {
            // RFC 7644 §3.5.2.1/§3.5.2.3: sub-attributes not in the value are left unchanged.
            foreach (var (key, item) in next)
            {
                current.SetCanonical(key, item?.DeepClone());
            }

            return;
        }

        if (normalized is null && op == PatchOperationType.Add)
        {
            return;
        }

        SetOrRemove(container, attribute.Name, normalized);
    }

    private static void ApplySubAttribute(JsonObject container, ScimAttribute attribute, ScimAttribute sub, PatchOperationType op, JsonNode? value, string displayPath)
    {
        var current = container.GetPropertyIgnoreCase(attribute.Name);
        if (op == PatchOperationType.Remove)
        {
            foreach (var item in AttributeLocation.Items(current).OfType<JsonObject>())
            {
                item.RemovePropertyIgnoreCase(sub.Name);
            }

            if (current is JsonObject { Count: 0 })
            {
                container.RemovePropertyIgnoreCase(attribute.Name);
            }

            return;
        }

        var normalized = ScimResourceNormalizer.NormalizeSingle(sub, value, displayPath);
        var targets = AttributeLocation.Items(current).OfType<JsonObject>().ToList();
        if (targets.Count == 0)
        {
            if (normalized is null)
            {
                return;
            }

            var created = new JsonObject();
            targets.Add(created);
            container.SetCanonical(attribute.Name, attribute.MultiValued ? new JsonArray(created) : created);
        }

        foreach (var target in targets)
        {
            SetOrRemove(target, sub.Name, normalized?.DeepClone());
        }
    }

    private static void ApplyFiltered(JsonObject container, ScimAttribute attribute, FilterNode filter, ScimAttribute? sub, PatchOperationType op, JsonNode? value, string displayPath)
    {
        var values = container.GetPropertyIgnoreCase(attribute.Name) as JsonArray;
        var matches = values?.OfType<JsonObject>().Where(item => FilterEvaluator.MatchesValue(filter, item, attribute, displayPath)).ToList() ?? [];

        if (op == PatchOperationType.Remove)
        {
            // A filter that matches nothing removes nothing: the desired state already holds.
            foreach (var match in matches)
            {
                if (sub is null)
                {
                    values!.Remove(match);
                }
                else
                {
                    match.RemovePropertyIgnoreCase(sub.Name);
                }
            }

            if (values is { Count: 0 })
            {
                container.RemovePropertyIgnoreCase(attribute.Name);
            }

            return;
        }

        var normalized = sub is null
            ? ScimResourceNormalizer.NormalizeSingle(attribute, value, displayPath)
            : ScimResourceNormalizer.NormalizeSingle(sub, value, displayPath + "." + sub.Name);
        if (sub is null && normalized is null && op == PatchOperationType.Replace)
        {
            // Replacing matched values with nothing removes them.
            ApplyFiltered(container, attribute, filter, null, PatchOperationType.Remove, null, displayPath);
            return;
        }

        if (matches.Count == 0)
        {
            if (normalized is null)
            {
                return;
            }

            var created = FilterPathUpsert.TryCreateValue(filter, attribute)
                ?? throw ScimException.NoTarget($"No value of '{displayPath}' matches the filter, and only filters made of 'eq' terms joined by 'and' can create one.");
            if (values is null)
            {
                values = [];
                container.SetCanonical(attribute.Name, values);
            }

            values.Add(created);
            matches.Add(created);
        }

        foreach (var match in matches)
        {
            if (sub is not null)
            {
                SetOrRemove(match, sub.Name, normalized?.DeepClone());
                continue;
            }

            if (op == PatchOperationType.Replace)
            {
                // RFC: matched values are replaced. The filter's own equality terms are kept so that
                // replacing emails[type eq "work"] with {"value":"x"} leaves a work email.
                var terms = FilterPathUpsert.EqualityTerms(filter, attribute);
                match.Clear();
                foreach (var (key, item) in terms)
                {
                    match[key] = item?.DeepClone();
                }
            }

            if (normalized is JsonObject replacement)
            {
                foreach (var (key, item) in replacement)
                {
                    match.SetCanonical(key, item?.DeepClone());
                }
            }
        }

        ClearOtherPrimaries(values!, matches);
    }

    private static void ClearOtherPrimaries(JsonArray values, List<JsonObject> changed)
    {
        if (!changed.Any(item => item[Primary].TryGetBoolean(out var primary) && primary))
        {
            return;
        }

        foreach (var item in values.OfType<JsonObject>())
        {
            if (!changed.Contains(item) && item[Primary].TryGetBoolean(out var primary) && primary)
            {
                item[Primary] = false;
            }
        }
    }

    private static void SetOrRemove(JsonObject container, string name, JsonNode? value)
    {
        if (value is null)
        {
            container.RemovePropertyIgnoreCase(name);
        }
        else
        {
            container.SetCanonical(name, value);
        }
    }
}
