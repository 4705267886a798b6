using System.Diagnostics.CodeAnalysis;
using Total.Scim.Schema;

namespace Total.Scim.Filter;

/// <summary>
/// Recognises filters made only of string equality terms joined by <c>and</c> — which is everything
/// Entra sends (<c>userName eq "x"</c>, <c>externalId eq "x"</c>, <c>displayName eq "x"</c>,
/// <c>id eq "g" and members[value eq "u"]</c>, <c>id eq "g" and members eq "u"</c>,
/// <c>emails[type eq "work"].value eq "x"</c>) — so a server can use indexes instead of a scan.
/// Terms inside one value filter describe the same value; a server that looks them up separately
/// must still confirm candidates with <see cref="FilterEvaluator.Matches"/>.
/// </summary>
public static class FilterLookup
{
    private const string ValueSubAttribute = "value";

    /// <summary>Recognises a conjunction of string equality terms and returns them in filter order.</summary>
    public static bool TryGetEqualityLookups(
        FilterNode filter,
        ScimResourceSchema schema,
        [NotNullWhen(true)] out IReadOnlyList<EqualityLookup>? terms)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(schema);
        var collected = new List<EqualityLookup>();
        terms = Collect(filter, schema, null, collected) ? collected : null;
        return terms is not null;
    }

    private static bool Collect(FilterNode node, ScimResourceSchema schema, ResolvedAttribute? parent, List<EqualityLookup> terms)
    {
        switch (node)
        {
            case AndNode and:
                return Collect(and.Left, schema, parent, terms) && Collect(and.Right, schema, parent, terms);

            case ValuePathNode valuePath when parent is null:
                var resolved = schema.Resolve(valuePath.Path);
                return resolved.Attribute is not null && Collect(valuePath.Filter, schema, resolved, terms);

            case ComparisonNode { Operator: ComparisonOperator.Eq, Value.Kind: FilterLiteralKind.String } comparison:
                var path = parent is null ? ResourcePath(schema, comparison.Path) : ValuePath(parent, comparison.Path);
                if (path is null)
                {
                    return false;
                }

                terms.Add(new EqualityLookup(path, comparison.Value.Text));
                return true;

            default:
                return false;
        }
    }

    private static string? ResourcePath(ScimResourceSchema schema, ScimAttributePath path)
    {
        var resolved = schema.Resolve(path);
        if (resolved.IsExtensionRoot)
        {
            return null;
        }

        // members eq "u" compares members.value; say so, so one index serves both spellings.
        return resolved.SubAttributeName is null && resolved.Attribute?.FindSubAttribute(ValueSubAttribute) is { } value
            ? resolved.CanonicalPath + "." + value.Name
            : resolved.CanonicalPath;
    }

    private static string? ValuePath(ResolvedAttribute parent, ScimAttributePath path)
    {
        if (path.SchemaUrn is not null || path.SubAttribute is not null)
        {
            return null;
        }

        var sub = parent.Attribute!.FindSubAttribute(path.Name);
        return parent.CanonicalPath + "." + (sub?.Name ?? path.Name);
    }
}
