using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Total.Scim.Errors;
using Total.Scim.Json;
using Total.Scim.Patch.EntraCompat;
using Total.Scim.Schema;

namespace Total.Scim.Filter;

/// <summary>
/// Evaluates a parsed filter against a resource JSON object.
/// <list type="bullet">
/// <item>String comparisons follow the attribute's <c>caseExact</c>: <c>userName</c> ignores case,
/// <c>id</c> and <c>externalId</c> do not; attributes the schema does not know ignore case.</item>
/// <item>A multi-valued attribute matches when any value matches. <c>ne</c> is the negation of
/// <c>eq</c>: it matches when no value equals (also when the attribute is absent).</item>
/// <item>A complex attribute compared without a sub-attribute compares its <c>value</c>, so
/// <c>members eq "id"</c> and <c>members.value eq "id"</c> are the same.</item>
/// <item>dateTime attributes (<c>meta.created</c>, <c>meta.lastModified</c>) compare as instants.</item>
/// <item><c>eq null</c> matches an absent attribute and <c>ne null</c> a present one.</item>
/// <item>Ordering operators on booleans and substring operators on numbers and booleans are 400 invalidFilter.</item>
/// </list>
/// </summary>
public static class FilterEvaluator
{
    /// <summary>True when the resource satisfies the filter.</summary>
    /// <exception cref="ScimException">400 invalidFilter when an operator does not fit the attribute type.</exception>
    public static bool Matches(FilterNode filter, JsonObject resource, ScimResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(schema);
        return Evaluate(filter, new Scope(resource, schema, null, string.Empty));
    }

    /// <summary>
    /// Checks operator/type fit once, before scanning many resources, so a bad filter fails even when
    /// no resource would reach the offending term.
    /// </summary>
    public static void Validate(FilterNode filter, ScimResourceSchema schema)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(schema);
        ValidateNode(filter, new Scope([], schema, null, string.Empty));
    }

    /// <summary>Evaluates a value filter (the part inside <c>[...]</c>) against one value of a multi-valued attribute.</summary>
    internal static bool MatchesValue(FilterNode filter, JsonObject value, ScimAttribute? attribute, string attributePath) =>
        Evaluate(filter, new Scope(value, null, attribute, attributePath));

    private static bool Evaluate(FilterNode node, Scope scope) => node switch
    {
        AndNode and => Evaluate(and.Left, scope) && Evaluate(and.Right, scope),
        OrNode or => Evaluate(or.Left, scope) || Evaluate(or.Right, scope),
        NotNode not => !Evaluate(not.Inner, scope),
        PresentNode present => IsPresent(scope.Locate(present.Path)),
        ComparisonNode comparison => EvaluateComparison(comparison, scope.Locate(comparison.Path)),
        ValuePathNode valuePath => EvaluateValuePath(valuePath, scope),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown filter node."),
    };

    private static void ValidateNode(FilterNode node, Scope scope)
    {
        switch (node)
        {
            case AndNode and:
                ValidateNode(and.Left, scope);
                ValidateNode(and.Right, scope);
                break;
            case OrNode or:
                ValidateNode(or.Left, scope);
                ValidateNode(or.Right, scope);
                break;
            case NotNode not:
                ValidateNode(not.Inner, scope);
                break;
            case ComparisonNode comparison:
                CheckOperator(comparison, scope.Locate(comparison.Path));
                break;
            case ValuePathNode valuePath:
                var location = scope.Locate(valuePath.Path);
                ValidateNode(valuePath.Filter, new Scope([], null, location.Attribute, location.DisplayPath));
                break;
        }
    }

    private static bool EvaluateValuePath(ValuePathNode node, Scope scope)
    {
        var location = scope.Locate(node.Path);
        foreach (var item in AttributeLocation.Items(location.Node))
        {
            if (item is JsonObject value && Evaluate(node.Filter, new Scope(value, null, location.Attribute, location.DisplayPath)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EvaluateComparison(ComparisonNode node, AttributeLocation location)
    {
        CheckOperator(node, location);
        var definition = location.ComparableDefinition;
        if (node.Value.Kind == FilterLiteralKind.Null)
        {
            var present = IsPresent(location);
            return node.Operator == ComparisonOperator.Eq ? !present : present;
        }

        if (node.Operator == ComparisonOperator.Ne)
        {
            return !location.ComparableNodes().Any(value => Compare(value, definition, ComparisonOperator.Eq, node.Value));
        }

        return location.ComparableNodes().Any(value => Compare(value, definition, node.Operator, node.Value));
    }

    private static void CheckOperator(ComparisonNode node, AttributeLocation location)
    {
        var op = node.Operator;
        var name = op.ToString().ToLowerInvariant();
        if (location.IsComplexWithoutValue)
        {
            throw ScimException.InvalidFilter($"Attribute '{location.DisplayPath}' is complex; compare one of its sub-attributes instead (e.g. '{location.DisplayPath}.{location.Attribute!.SubAttributes[0].Name}').");
        }

        var type = location.ComparableDefinition?.Type;
        var ordering = op is ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le;
        var substring = op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew;
        switch (type)
        {
            case ScimAttributeType.Boolean when ordering || substring:
                throw ScimException.InvalidFilter($"Operator '{name}' cannot be applied to boolean attribute '{location.DisplayPath}'; use eq or ne.");
            case ScimAttributeType.Integer or ScimAttributeType.Decimal when substring:
                throw ScimException.InvalidFilter($"Operator '{name}' cannot be applied to numeric attribute '{location.DisplayPath}'.");
            case ScimAttributeType.DateTime when !substring && node.Value.Kind != FilterLiteralKind.Null && !TryParseInstant(node.Value.Text, out _):
                throw ScimException.InvalidFilter($"The value compared with dateTime attribute '{location.DisplayPath}' is not an xsd:dateTime such as \"2026-11-01T08:00:00Z\".");
        }
    }

    private static bool Compare(JsonNode value, ScimAttribute? definition, ComparisonOperator op, FilterLiteral literal)
    {
        var type = definition?.Type ?? Infer(value);
        switch (type)
        {
            case ScimAttributeType.Boolean:
                if (!StringBooleans.TryParse(value, out var actualFlag))
                {
                    return false;
                }

                var literalFlag = literal.Kind == FilterLiteralKind.Boolean
                    ? literal.Boolean
                    : StringBooleans.TryParse(JsonValue.Create(literal.Text), out var parsedFlag) ? parsedFlag : (bool?)null;
                return literalFlag is not null && Ordered(actualFlag.CompareTo(literalFlag.Value), op);

            case ScimAttributeType.Integer or ScimAttributeType.Decimal:
                if (!TryNumber(value, out var actualNumber))
                {
                    return false;
                }

                var literalNumber = literal.Kind == FilterLiteralKind.Number
                    ? literal.Number
                    : decimal.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedNumber) ? parsedNumber : (decimal?)null;
                return literalNumber is not null && Ordered(actualNumber.CompareTo(literalNumber.Value), op);

            case ScimAttributeType.DateTime when op is not (ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew):
                return value.TryGetString(out var actualText)
                    && TryParseInstant(actualText, out var actualInstant)
                    && TryParseInstant(literal.Text, out var literalInstant)
                    && Ordered(actualInstant.CompareTo(literalInstant), op);

            default:
                var text = value.TryGetString(out var s) ? s : value.ToJsonString();
                var comparison = definition?.CaseExact == true ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
                return op switch
                {
                    ComparisonOperator.Co => text.Contains(literal.Text, comparison),
                    ComparisonOperator.Sw => text.StartsWith(literal.Text, comparison),
                    ComparisonOperator.Ew => text.EndsWith(literal.Text, comparison),
                    _ => Ordered(string.Compare(text, literal.Text, comparison), op),
                };
        }
    }

    private static bool Ordered(int comparison, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => comparison == 0,
        ComparisonOperator.Ne => comparison != 0,
        ComparisonOperator.Gt => comparison > 0,
        ComparisonOperator.Ge => comparison >= 0,
        ComparisonOperator.Lt => comparison < 0,
        ComparisonOperator.Le => comparison <= 0,
        _ => false,
    };

    private static ScimAttributeType Infer(JsonNode value) => value.Kind() switch
    {
        JsonValueKind.Number => ScimAttributeType.Decimal,
        JsonValueKind.True or JsonValueKind.False => ScimAttributeType.Boolean,
        _ => ScimAttributeType.String,
    };

    private static bool TryNumber(JsonNode value, out decimal number) =>
        value.TryGetDecimal(out number)
        || (value.TryGetString(out var text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number));

    internal static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    private static bool IsPresent(AttributeLocation location) =>
        location.SubName is null
            ? AttributeLocation.Items(location.Node).Any(IsNonEmpty)
            : location.ComparableNodes().Any(IsNonEmpty);

    private static bool IsNonEmpty(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Any(IsNonEmpty),
        JsonObject obj => obj.Any(property => IsNonEmpty(property.Value)),
        _ => !node.TryGetString(out var text) || text.Length > 0,
    };

    /// <summary>The object paths are resolved in: the resource, or one value inside a value filter.</summary>
    private readonly record struct Scope(JsonObject Target, ScimResourceSchema? Schema, ScimAttribute? Parent, string ParentPath)
    {
        public AttributeLocation Locate(ScimAttributePath path) => Schema is not null
            ? AttributeLocation.InResource(Target, Schema, path)
            : AttributeLocation.InElement(Target, Parent, ParentPath, path);
    }
}
