namespace Total.Scim.Filter;

/// <summary>The right-hand side of a filter comparison (RFC 7644 <c>compValue</c>).</summary>
/// <param name="Kind">The JSON kind.</param>
/// <param name="Text">The string value, or the literal's text for non-strings (<c>true</c>, <c>42</c>, <c>null</c>).</param>
/// <param name="Number">The numeric value for <see cref="FilterLiteralKind.Number"/>.</param>
public sealed record FilterLiteral(FilterLiteralKind Kind, string Text, decimal Number = 0m)
{
    /// <summary>The <c>null</c> literal.</summary>
    public static FilterLiteral Null { get; } = new(FilterLiteralKind.Null, "null");

    /// <summary>A string literal.</summary>
    public static FilterLiteral FromString(string value) => new(FilterLiteralKind.String, value);

    /// <summary>A boolean literal.</summary>
    public static FilterLiteral FromBoolean(bool value) => new(FilterLiteralKind.Boolean, value ? "true" : "false");

    /// <summary>The boolean value (only meaningful for <see cref="FilterLiteralKind.Boolean"/>).</summary>
    public bool Boolean => Kind == FilterLiteralKind.Boolean && Text == "true";
}
