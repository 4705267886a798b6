using System.Text.Json.Nodes;
using Total.Scim.Filter;
using Total.Scim.Schema;

namespace Total.Scim.Patch.EntraCompat;

/// <summary>
/// Entra sends <c>Replace</c> (or <c>Add</c>) with a value-filter path whenever it believes a typed
/// value changed, even when the user has no such value yet:
/// <code>
/// {"op":"Replace","path":"emails[type eq \"work\"].value","value":"ada@contoso.example"}
/// {"op":"Add","path":"addresses[type eq \"work\"].streetAddress","value":"1 Main St"}
/// </code>
/// RFC 7644 would answer 400 noTarget, which Entra logs as a failure and retries every cycle. Instead a
/// new value is built from the filter's equality terms (<c>{"type":"work"}</c>) and the operation is
/// applied to it. Only filters made of <c>eq</c> terms joined by <c>and</c> can be turned into a value.
/// </summary>
internal static class FilterPathUpsert
{
    /// <summary>A new value holding the filter's equality terms, or null when the filter has other terms.</summary>
    public static JsonObject? TryCreateValue(FilterNode filter, ScimAttribute attribute)
    {
        var terms = new JsonObject();
        return Collect(filter, attribute, terms) ? terms : null;
    }

    /// <summary>The filter's equality terms, or an empty object when it has other terms.</summary>
    public static JsonObject EqualityTerms(FilterNode filter, ScimAttribute attribute) =>
        TryCreateValue(filter, attribute) ?? [];

    private static bool Collect(FilterNode node, ScimAttribute attribute, JsonObject terms)
    {
        switch (node)
        {
            case AndNode and:
                return Collect(and.Left, attribute, terms) && Collect(and.Right, attribute, terms);

            case ComparisonNode { Operator: ComparisonOperator.Eq, Path: { SchemaUrn: null, SubAttribute: null } path } comparison:
                var sub = attribute.FindSubAttribute(path.Name);
                if (sub is null)
                {
                    return false;
                }

                JsonNode? value = comparison.Value.Kind switch
                {
                    FilterLiteralKind.String => JsonValue.Create(comparison.Value.Text),
                    FilterLiteralKind.Boolean => JsonValue.Create(comparison.Value.Boolean),
                    FilterLiteralKind.Number => JsonValue.Create(comparison.Value.Number),
                    _ => null,
                };
                if (value is null)
                {
                    return false;
                }

                terms[sub.Name] = value;
                return true;

            default:
                return false;
        }
    }
}
