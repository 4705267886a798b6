using System.Text.Json.Nodes;
using Total.Scim.Json;

namespace Total.Scim.Schema;

/// <summary>
/// An attribute path resolved against a resource schema: where the value lives in the resource JSON
/// (top level or under an extension URN key) and which definitions apply. Unknown attributes resolve
/// too (<see cref="IsKnown"/> false) so callers can decide to ignore them.
/// </summary>
public sealed class ResolvedAttribute
{
    internal ResolvedAttribute(
        string? extensionUrn,
        ScimAttribute? attribute,
        ScimAttribute? subAttribute,
        string attributeName,
        string? subAttributeName,
        bool isExtensionRoot,
        bool isKnown)
    {
        ExtensionUrn = extensionUrn;
        Attribute = attribute;
        SubAttribute = subAttribute;
        AttributeName = attributeName;
        SubAttributeName = subAttributeName;
        IsExtensionRoot = isExtensionRoot;
        IsKnown = isKnown;
    }

    /// <summary>The URN key the attribute is nested under, or null for core and common attributes.</summary>
    public string? ExtensionUrn { get; }

    /// <summary>The attribute definition, or null when unknown or when the path is an extension root.</summary>
    public ScimAttribute? Attribute { get; }

    /// <summary>The sub-attribute definition when the path names one and it is known.</summary>
    public ScimAttribute? SubAttribute { get; }

    /// <summary>Canonical attribute name when known, otherwise as written.</summary>
    public string AttributeName { get; }

    /// <summary>Canonical sub-attribute name when known, otherwise as written; null when absent.</summary>
    public string? SubAttributeName { get; }

    /// <summary>True when the path is an extension URN itself (the whole extension object).</summary>
    public bool IsExtensionRoot { get; }

    /// <summary>True when the attribute (and sub-attribute, if any) is defined by the schema.</summary>
    public bool IsKnown { get; }

    /// <summary>The definition that types the addressed value (sub-attribute if present, else attribute).</summary>
    public ScimAttribute? Target => SubAttributeName is null ? Attribute : SubAttribute;

    /// <summary>Canonical path text, e.g. <c>emails.value</c> or <c>urn:...:User:department</c>.</summary>
    public string CanonicalPath
    {
        get
        {
            var local = IsExtensionRoot ? string.Empty : (SubAttributeName is null ? AttributeName : AttributeName + "." + SubAttributeName);
            return ExtensionUrn is null ? local : (IsExtensionRoot ? ExtensionUrn : ExtensionUrn + ":" + local);
        }
    }

    /// <summary>The object holding the attribute (the resource or its extension object), or null.</summary>
    public JsonObject? FindContainer(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ExtensionUrn is null ? resource : resource.GetPropertyIgnoreCase(ExtensionUrn) as JsonObject;
    }

    /// <summary>The object holding the attribute, creating the extension object when missing.</summary>
    public JsonObject GetOrCreateContainer(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (ExtensionUrn is null)
        {
            return resource;
        }

        if (resource.GetPropertyIgnoreCase(ExtensionUrn, out var key) is JsonObject existing)
        {
            return existing;
        }

        if (key is not null)
        {
            resource.Remove(key);
        }

        var created = new JsonObject();
        resource[ExtensionUrn] = created;
        return created;
    }
}
